/* Omzien web-chat widget. Built from widget/src by `make widget`; do not edit. */
(()=>{var p=class extends Error{constructor(e,r=""){super(e),this.kind=e,this.detail=r}};async function N(t,e,r){let o=new AbortController,n=setTimeout(()=>o.abort(),r);try{return await fetch(t,{...e,mode:"cors",credentials:"omit",signal:o.signal})}catch{throw new p("network")}finally{clearTimeout(n)}}async function T(t){try{return await t.json()}catch{throw new p("server")}}async function R(t){let e=await N(`${t}/widget/config`,{},1e4);if(!e.ok)throw new p("server");let r=await T(e);if(!r||!Array.isArray(r.notice)||!r.cards)throw new p("server");return r}async function U(t,e,r){let o=await N(`${t}/chat`,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({sender:e,message:r})},25e3);if(o.status===413){let i=await T(o);throw new p("too_long",typeof i.detail=="string"?i.detail:"")}if(!o.ok)throw new p("server");let n=await T(o);if(!n||!Array.isArray(n.messages))throw new p("server");return{messages:n.messages,degraded:n.degraded===!0}}var ce="#1d5c63",le=/^#([0-9a-f]{3}|[0-9a-f]{6})$/i,H=[255,255,255],$=[17,17,17],de=4.5;function M(t){let e=le.exec(String(t||"").trim());if(!e)return null;let r=e[1].length===3?e[1].replace(/./g,"$&$&"):e[1];return[0,2,4].map(o=>parseInt(r.slice(o,o+2),16))}function A(t){let e=t/255;return e<=.03928?e/12.92:((e+.055)/1.055)**2.4}function j([t,e,r]){return .2126*A(t)+.7152*A(e)+.0722*A(r)}function ue(t,e){let[r,o]=[j(t),j(e)].sort((n,i)=>i-n);return(r+.05)/(o+.05)}function _(t){return`#${t.map(e=>e.toString(16).padStart(2,"0")).join("")}`}function P(t){let e=M(t)||M(ce),r=ue(e,H)>=de;return{accent:_(e),onAccent:_(r?H:$),ink:_(r?e:$)}}function a(t,e={},r=[]){let o=document.createElement(t);for(let[n,i]of Object.entries(e))i==null||i===!1||(n==="text"?o.textContent=i:n==="class"?o.className=i:n.startsWith("on")?o.addEventListener(n.slice(2),i):o.setAttribute(n,i===!0?"":String(i)));for(let n of[].concat(r))n!=null&&n!==!1&&o.append(n);return o}function S(t,e=!1){try{let r=new URL(t);if(r.protocol==="http:"||r.protocol==="https:"||e&&r.protocol==="tel:"&&/^tel:\+?[0-9]{2,15}$/.test(r.href))return r.href}catch{}return null}function k(t,e,r){let o=!t.startsWith("tel:");return a("a",{href:t,class:r,text:e,target:o?"_blank":null,rel:o?"noopener noreferrer":null})}var pe=/https?:\/\/[^\s<>"']+/g,fe=/[.,;:!?)\]]+$/;function D(t){let e=[],r=0;for(let o of t.matchAll(pe)){let n=o[0].replace(fe,""),i=S(n);i&&(e.push(document.createTextNode(t.slice(r,o.index))),e.push(k(i,n)),r=o.index+n.length)}return e.push(document.createTextNode(t.slice(r))),e}var V=0;function me(t){return V+=1,`omzien-${t}-${V}`}function C(t){return a("p",{class:"msg msg-user"},[a("span",{class:"sr",text:"Jij: "}),t])}function B(t){return a("p",{class:"msg msg-bot"},[a("span",{class:"sr",text:"Omzien: "}),...D(t)])}function F(t,e){return a("div",{class:"replies",role:"group","aria-label":"Kies een antwoord"},t.map(r=>a("button",{type:"button",text:r.title,onclick:()=>e(r)})))}var he={crisis:"card card-crisis",human_line:"card card-human"};function O(t,e){let r=e&&e[t];if(!r)return null;let o=me("card"),n=(r.links||[]).map(i=>({label:i.label,href:S(i.href,!0)})).filter(i=>i.href&&i.label);return a("section",{class:he[t],"aria-labelledby":o,"data-card":t},[a("h3",{id:o,text:r.title}),r.text?a("p",{text:r.text}):null,a("ul",{},n.map(i=>a("li",{},k(i.href,i.label))))])}function q(t,e){if(!t)return a("div",{class:"notice"},a("p",{text:"Omzien is een computerprogramma, geen mens."}));let r=S(`${e}${t.privacy_path}`),[o,n]=t.notice;return a("div",{class:"notice"},[a("p",{text:o}),a("p",{},[n," ",r?k(r,t.privacy_link):null])])}function J(t,e,r){return[a("p",{text:t}),e?a("button",{type:"button",class:"retry",text:"Opnieuw proberen",onclick:e}):null,O("human_line",r)]}function ge(){try{let t=window.sessionStorage;return t.setItem("omzien:probe","1"),t.removeItem("omzien:probe"),t}catch{return null}}function be(){let t=new Uint8Array(16);return crypto.getRandomValues(t),Array.from(t,e=>e.toString(16).padStart(2,"0")).join("")}function z(){return{sender:be(),entries:[],open:!1}}function ye(t){return t!==null&&typeof t=="object"&&typeof t.sender=="string"&&t.sender.length>0&&Array.isArray(t.entries)}function L(t){let e=ge();return{load(){try{return e?JSON.parse(e.getItem(t)):null}catch{return null}},save(r){try{e&&e.setItem(t,JSON.stringify(r))}catch{}},clear(){e&&e.removeItem(t)}}}function K(t){let e=L(`omzien:conversation:${t}`);return{load(){let r=e.load();return ye(r)?r:z()},save(r){e.save({...r,entries:r.entries.slice(-200)})},clear:e.clear}}var xe=["crisis","human_line"],ve=8,we="Je bericht is niet verstuurd. Er is nu geen verbinding met Omzien.";function Se(t){return Array.isArray(t)?t.filter(e=>e&&typeof e.title=="string"&&typeof e.payload=="string"&&e.title).slice(0,ve).map(e=>({title:e.title,payload:e.payload})):[]}function ke(t){let e=[];t&&typeof t.text=="string"&&t.text.trim()&&e.push({role:"bot",text:t.text,buttons:Se(t.buttons)});let r=t&&t.custom&&t.custom.handover;return xe.includes(r)&&e.push({role:"card",kind:r}),e}function W({origin:t,view:e,store:r,getConfig:o}){let{parts:n}=e,i=r.load(),f=!1,m=[];function h(){r.save(i)}function w(){m.forEach(s=>s.remove()),m=[]}function c(s){E(s.payload,s.title)}function u(s,d){if(s.role==="user")return n.log.append(C(s.text));if(s.role==="card"){let l=O(s.kind,o()&&o().cards);return l&&n.log.append(l),l}if(n.log.append(B(s.text)),d&&s.buttons&&s.buttons.length){let l=F(s.buttons,c);m.push(l),n.log.append(l)}return null}function y(){w(),n.log.replaceChildren(q(o(),t));let s=i.entries.map(d=>d.role).lastIndexOf("user");i.entries.forEach((d,l)=>u(d,l>s)),e.scrollToEnd()}function x(){n.error.hidden=!0,n.error.replaceChildren()}function ee(s,d){let l=o(),g=s instanceof p&&s.kind==="too_long",b=g&&s.detail?s.detail:l&&l.network_error||we;n.error.replaceChildren(...J(b,g?null:d,l&&l.cards).filter(Boolean)),n.error.hidden=!1}function te(){let s=document.activeElement;return!s||s===document.body||s===e.host&&!e.shadow.activeElement}function I(s){f=s,n.typing.hidden=!s,n.send.setAttribute("aria-disabled",String(s))}async function E(s,d){if(f)return!1;I(!0),x(),w();let l=C(d);n.log.append(l),e.scrollToEnd();try{let g=await U(t,i.sender,s),b=[{role:"user",text:d}];return g.messages.forEach(v=>b.push(...ke(v))),g.degraded&&!b.some(v=>v.kind==="human_line")&&b.push({role:"card",kind:"human_line"}),i.entries.push(...b),h(),b.forEach((v,se)=>(se>0||!l.isConnected)&&u(v,!0)),n.input.value===s&&(n.input.value=""),!0}catch(g){return l.remove(),!n.input.value&&s===d&&(n.input.value=s),ee(g,()=>E(s,d)),!1}finally{I(!1),e.scrollToEnd(),e.isOpen()&&te()&&n.input.focus()}}function ne(s){s.preventDefault();let d=n.input.value.trim();!d||f||(n.input.value="",E(d,d))}function re(){let s={role:"card",kind:"human_line"},d=u(s,!1);if(!d)return;i.entries.push(s),h(),e.scrollToEnd();let l=d.querySelector("a");l&&l.focus()}function oe(){r.clear()}function ie(){oe(),i={...z(),open:e.isOpen()},h(),x(),y(),n.input.value="",n.input.focus()}function ae(s){i.open=s,h()}return n.form.addEventListener("submit",ne),n.human.addEventListener("click",re),n.restart.addEventListener("click",ie),{renderAll:y,rememberOpen:ae,wasOpen:()=>i.open===!0}}var X=`
:host { all: initial !important; display: block !important; }
.root {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1em; line-height: 1.5; color: #1a1a1a; text-align: left;
  direction: ltr; unicode-bidi: isolate; overflow-wrap: anywhere; hyphens: auto;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.root [hidden] { display: none !important; }
button, input { font: inherit; color: inherit; margin: 0; letter-spacing: normal; }
button { cursor: pointer; }
.sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus-visible { outline: 3px solid #111; outline-offset: 1px; box-shadow: 0 0 0 6px #fff; }
.launcher {
  position: fixed; right: 1em; bottom: 1em; z-index: 1; min-height: 3em; max-width: calc(100vw - 2em);
  padding: .625em 1.25em; border: 2px solid #fff; border-radius: 1.5em;
  background: var(--accent); color: var(--on-accent); font-weight: 700;
  box-shadow: 0 .25em 1em rgba(0, 0, 0, .35);
}
.is-open .launcher { display: none; }
.panel {
  position: fixed; right: 1em; bottom: 1em; z-index: 2;
  width: min(24em, calc(100vw - 2em)); height: min(40em, calc(100vh - 2em));
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border: 1px solid #6b6b6b; border-radius: .75em;
  box-shadow: 0 .5em 2em rgba(0, 0, 0, .35); animation: omzien-in .2s ease-out;
}
@keyframes omzien-in { from { opacity: 0; transform: translateY(1em); } }
.header {
  display: flex; flex-wrap: wrap; align-items: center; gap: .5em; padding: .75em;
  background: var(--accent); color: var(--on-accent);
}
.title { flex: 1; min-width: 0; margin: 0; font-size: 1.125em; font-weight: 700; line-height: 1.3; }
.close {
  flex: none; width: 2.75em; height: 2.75em; padding: 0; border: 2px solid currentColor;
  border-radius: 50%; background: transparent; font-size: 1em; font-weight: 700; line-height: 1;
}
.actions { display: flex; flex-wrap: wrap; gap: .5em; width: 100%; }
.actions button {
  min-height: 2.75em; padding: .25em .875em; border: 2px solid currentColor; border-radius: 1.5em;
  background: transparent; font-size: .9375em;
}
.actions .human { background: var(--on-accent); color: var(--accent); border-color: var(--on-accent); font-weight: 700; }
.log {
  flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain;
  display: flex; flex-direction: column; gap: .5em; padding: .75em;
}
.notice { padding: .5em .75em; border-radius: .5em; background: #f3f3f3; color: #333; font-size: .9375em; }
.notice p { margin: 0; }
.notice a, .msg a { color: #0a4aa8; text-decoration: underline; }
.msg {
  max-width: 85%; margin: 0; padding: .5em .75em; border-radius: 1em;
  white-space: pre-line; overflow-wrap: anywhere;
}
.msg-user {
  align-self: flex-end; background: var(--accent); color: var(--on-accent); border-bottom-right-radius: .25em;
}
.msg-bot { align-self: flex-start; background: #eceff1; color: #1a1a1a; border-bottom-left-radius: .25em; }
.replies { display: flex; flex-wrap: wrap; gap: .5em; }
.replies button {
  min-height: 2.75em; padding: .375em .875em; border: 2px solid var(--ink); border-radius: 1.5em;
  background: #fff; color: var(--ink); text-align: left;
}
.card { padding: .75em; border: 3px solid; border-radius: .5em; color: #1a1a1a; }
.card h3 { margin: 0 0 .25em; font-size: 1.0625em; line-height: 1.3; }
.card p { margin: 0 0 .5em; }
.card ul { display: grid; gap: .5em; margin: 0; padding: 0; list-style: none; }
.card a {
  display: block; min-height: 2.75em; padding: .5em .75em; border-radius: .5em;
  font-weight: 700; text-align: center; text-decoration: underline;
}
.card-crisis { border-color: #a10d0d; background: #fff4f4; }
.card-crisis h3 { color: #8a0b0b; }
.card-crisis a { background: #a10d0d; color: #fff; }
.card-human { border-color: #1e5631; background: #f1f7f2; }
.card-human a { background: #1e5631; color: #fff; }
.typing { padding: 0 .75em .5em; }
.dots { display: inline-flex; gap: .3em; padding: .75em; border-radius: 1em; background: #eceff1; }
.dots i { width: .5em; height: .5em; border-radius: 50%; background: #4d4d4d; animation: omzien-dot 1s infinite ease-in-out; }
.dots i:nth-child(2) { animation-delay: .15s; }
.dots i:nth-child(3) { animation-delay: .3s; }
@keyframes omzien-dot { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.error { margin: 0 .75em .5em; padding: .75em; border: 2px solid #a10d0d; border-radius: .5em; background: #fff4f4; }
.error p { margin: 0 0 .5em; }
.error .card { margin-top: .5em; }
.retry {
  min-height: 2.75em; padding: .375em 1em; border: 0; border-radius: 1.5em;
  background: #a10d0d; color: #fff; font-weight: 700;
}
.composer { display: flex; gap: .5em; padding: .75em; border-top: 1px solid #c4c4c4; background: #fff; }
.composer input {
  flex: 1; min-width: 0; min-height: 2.75em; padding: .5em .875em;
  border: 2px solid #5c5c5c; border-radius: 1.5em; background: #fff; color: #1a1a1a;
}
.composer input::placeholder { color: #5c5c5c; opacity: 1; }
.send {
  flex: none; min-height: 2.75em; padding: .5em 1em; border: 2px solid var(--accent); border-radius: 1.5em;
  background: var(--accent); color: var(--on-accent); font-weight: 700;
}
@media (max-width: 480px) {
  .launcher { right: .75em; bottom: .75em; }
  .panel { inset: 0; width: auto; height: auto; border: 0; border-radius: 0; }
  .header { padding: .5em .75em; gap: .375em; }
  .actions { gap: .375em; }
  .actions button { padding: .25em .625em; }
}
@media (prefers-reduced-motion: reduce) {
  .root *, .root *::before, .root *::after {
    animation: none !important; transition: none !important; scroll-behavior: auto !important;
  }
}
@media (forced-colors: active) {
  .launcher, .send, .msg, .card, .card a, .retry, .replies button { border: 2px solid CanvasText; }
}
`;function G(t){if("adoptedStyleSheets"in t&&typeof CSSStyleSheet.prototype.replaceSync=="function"){let r=new CSSStyleSheet;r.replaceSync(X),t.adoptedStyleSheets=[r];return}let e=document.createElement("style");e.textContent=X,t.append(e)}var Ee="(max-width: 480px)",Te={all:"initial",display:"block",position:"static",visibility:"visible",opacity:"1",direction:"ltr","unicode-bidi":"isolate",contain:"none"};function Ae(t){for(let[e,r]of Object.entries(Te))t.style.setProperty(e,r,"important")}function _e(t){return Array.from(t.querySelectorAll("button, a[href], input")).filter(e=>!e.disabled&&e.getClientRects().length>0)}function Y({title:t,colors:e}){let r=document.createElement("omzien-chat");Ae(r);let o=r.attachShadow({mode:"open"});G(o);let n={launcher:a("button",{type:"button",class:"launcher","aria-expanded":"false","aria-controls":"omzien-panel","aria-haspopup":"dialog",text:t}),close:a("button",{type:"button",class:"close","aria-label":"Sluit de chat",text:"\xD7"}),human:a("button",{type:"button",class:"human",text:"Praat met een mens"}),restart:a("button",{type:"button",class:"restart",text:"Nieuw gesprek"}),log:a("div",{class:"log",role:"log","aria-live":"polite","aria-label":"Gesprek",tabindex:"0"}),typing:a("div",{class:"typing",role:"status",hidden:!0},[a("span",{class:"dots","aria-hidden":"true"},[a("i"),a("i"),a("i")]),a("span",{class:"sr",text:"Omzien schrijft een antwoord"})]),error:a("div",{class:"error",role:"alert",hidden:!0}),input:a("input",{id:"omzien-input",type:"text",autocomplete:"off",enterkeyhint:"send",placeholder:"Typ je bericht"}),send:a("button",{type:"submit",class:"send",text:"Verstuur"})};return n.form=a("form",{class:"composer"},[a("label",{class:"sr",for:"omzien-input",text:"Je bericht"}),n.input,n.send]),n.panel=a("div",{id:"omzien-panel",class:"panel",role:"dialog","aria-modal":"false","aria-labelledby":"omzien-title",hidden:!0},[a("div",{class:"header"},[a("h2",{id:"omzien-title",class:"title",text:t}),n.close,a("div",{class:"actions"},[n.human,n.restart])]),n.log,n.typing,n.error,n.form]),n.root=a("div",{class:"root",lang:"nl"},[n.launcher,n.panel]),n.root.style.setProperty("--accent",e.accent),n.root.style.setProperty("--on-accent",e.onAccent),n.root.style.setProperty("--ink",e.ink),o.append(n.root),{host:r,shadow:o,parts:n,...Ce(o,n)}}function Ce(t,e){let r=window.matchMedia(Ee),o={close:[]};function n(){let c=r.matches;e.panel.setAttribute("aria-modal",String(c));let u=window.visualViewport;c&&u?(e.panel.style.setProperty("top",`${u.offsetTop}px`),e.panel.style.setProperty("height",`${u.height}px`)):(e.panel.style.removeProperty("top"),e.panel.style.removeProperty("height"))}function i(){return!e.panel.hidden}function f({focus:c=!0}={}){e.panel.hidden=!1,e.root.classList.add("is-open"),e.launcher.setAttribute("aria-expanded","true"),n(),h(),c&&e.input.focus()}function m(){e.panel.hidden=!0,e.root.classList.remove("is-open"),e.launcher.setAttribute("aria-expanded","false"),e.launcher.focus(),o.close.forEach(c=>c())}function h(){e.log.scrollTop=e.log.scrollHeight}function w(c){if(e.panel.getAttribute("aria-modal")!=="true")return;let u=_e(e.panel);if(u.length===0)return;let y=u[0],x=u[u.length-1];c.shiftKey&&t.activeElement===y?(c.preventDefault(),x.focus()):!c.shiftKey&&t.activeElement===x&&(c.preventDefault(),y.focus())}if(e.panel.addEventListener("keydown",c=>{c.key==="Escape"?(c.preventDefault(),m()):c.key==="Tab"&&w(c)}),e.close.addEventListener("click",m),r.addEventListener("change",n),window.visualViewport){let c=()=>i()&&n();window.visualViewport.addEventListener("resize",c),window.visualViewport.addEventListener("scroll",c)}return{open:f,close:m,isOpen:i,scrollToEnd:h,onClose:c=>o.close.push(c)}}var Oe="Chat met Omzien",ze=60;function Le(){if(document.currentScript)return document.currentScript;let t=document.querySelectorAll('script[src*="widget.js"]');return t[t.length-1]||null}function Ie(t){let e=(t.dataset.title||"").trim().slice(0,ze);return{origin:new URL(t.src,document.baseURI).origin,title:e||Oe,colors:P(t.dataset.color)}}function Q(t){if(document.querySelector("omzien-chat"))return;let e=L(`omzien:config:${t.origin}`),r=e.load(),o=Y(t),n=W({origin:t.origin,view:o,store:K(t.origin),getConfig:()=>r});n.renderAll(),o.parts.launcher.addEventListener("click",()=>{o.open(),n.rememberOpen(!0)}),o.onClose(()=>n.rememberOpen(!1)),document.body.append(o.host),n.wasOpen()&&o.open({focus:!1}),R(t.origin).then(i=>{let f=JSON.stringify(i)!==JSON.stringify(r);r=i,e.save(i),f&&n.renderAll()},()=>{})}var Z=Le();if(Z){let t=Ie(Z);document.body?Q(t):document.addEventListener("DOMContentLoaded",()=>Q(t),{once:!0})}})();
