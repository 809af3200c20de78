/* Omzien web-chat widget. Built from widget/src by `make widget`; do not edit. */
(()=>{var u=class extends Error{constructor(e,r=""){super(e),this.kind=e,this.detail=r}};async function C(t,e,r){let o=new AbortController,n=setTimeout(()=>o.abort(),r);try{return await fetch(t,{...e,mode:"cors",credentials:"omit",signal:o.signal})}catch{throw new u("network")}finally{clearTimeout(n)}}async function _(t){try{return await t.json()}catch{throw new u("server")}}async function P(t){let e=await C(`${t}/widget/config`,{},1e4);if(!e.ok)throw new u("server");let r=await _(e);if(!r||!Array.isArray(r.notice)||!r.cards)throw new u("server");return r}async function $(t,e){if(!(await C(`${t}/chat/forget`,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({sender:e})},25e3)).ok)throw new u("server")}async function j(t,e,r){let o=await C(`${t}/chat`,{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({sender:e,message:r})},25e3);if(o.status===413){let s=await _(o);throw new u("too_long",typeof s.detail=="string"?s.detail:"")}if(!o.ok)throw new u("server");let n=await _(o);if(!n||!Array.isArray(n.messages))throw new u("server");return{messages:n.messages,degraded:n.degraded===!0}}var be="#1d5c63",ye=/^#([0-9a-f]{3}|[0-9a-f]{6})$/i,F=[255,255,255],q=[17,17,17],xe=4.5;function J(t){let e=ye.exec(String(t||"").trim());if(!e)return null;let r=e[1].length===3?e[1].replace(/./g,"$&$&"):e[1];return[0,2,4].map(o=>parseInt(r.slice(o,o+2),16))}function O(t){let e=t/255;return e<=.03928?e/12.92:((e+.055)/1.055)**2.4}function B([t,e,r]){return .2126*O(t)+.7152*O(e)+.0722*O(r)}function we(t,e){let[r,o]=[B(t),B(e)].sort((n,s)=>s-n);return(r+.05)/(o+.05)}function L(t){return`#${t.map(e=>e.toString(16).padStart(2,"0")).join("")}`}function D(t){let e=J(t)||J(be),r=we(e,F)>=xe;return{accent:L(e),onAccent:L(r?F:q),ink:L(r?e:q)}}function a(t,e={},r=[]){let o=document.createElement(t);for(let[n,s]of Object.entries(e))s==null||s===!1||(n==="text"?o.textContent=s:n==="class"?o.className=s:n.startsWith("on")?o.addEventListener(n.slice(2),s):o.setAttribute(n,s===!0?"":String(s)));for(let n of[].concat(r))n!=null&&n!==!1&&o.append(n);return o}function S(t,e=!1){try{let r=new URL(t);if(r.protocol==="http:"||r.protocol==="https:"||e&&r.protocol==="tel:"&&/^tel:\+?[0-9]{2,15}$/.test(r.href))return r.href}catch{}return null}function E(t,e,r){let o=!t.startsWith("tel:");return a("a",{href:t,class:r,text:e,target:o?"_blank":null,rel:o?"noopener noreferrer":null})}var ve=/https?:\/\/[^\s<>"']+/g,ke=/[.,;:!?)\]]+$/;function V(t){let e=[],r=0;for(let o of t.matchAll(ve)){let n=o[0].replace(ke,""),s=S(n);s&&(e.push(document.createTextNode(t.slice(r,o.index))),e.push(E(s,n)),r=o.index+n.length)}return e.push(document.createTextNode(t.slice(r))),e}var K=0;function W(t){return K+=1,`omzien-${t}-${K}`}function z(t){return a("p",{class:"msg msg-user"},[a("span",{class:"sr",text:"Jij: "}),t])}function G(t){return a("p",{class:"msg msg-bot"},[a("span",{class:"sr",text:"Omzien: "}),...V(t)])}function X(t,e){return a("div",{class:"replies",role:"group","aria-label":"Kies een antwoord"},t.map(r=>a("button",{type:"button",text:r.title,onclick:()=>e(r)})))}var Se={crisis:"card card-crisis",human_line:"card card-human"};function I(t,e){let r=e&&e[t];if(!r)return null;let o=W("card"),n=(r.links||[]).map(s=>({label:s.label,href:S(s.href,!0)})).filter(s=>s.href&&s.label);return a("section",{class:Se[t],"aria-labelledby":o,"data-card":t},[a("h3",{id:o,text:r.title}),r.text?a("p",{text:r.text}):null,a("ul",{},n.map(s=>a("li",{},E(s.href,s.label))))])}function Q(t,e){if(!t)return a("div",{class:"notice"},a("p",{text:"Omzien is een computerprogramma, geen mens."}));let r=S(`${e}${t.privacy_path}`),[o,n]=t.notice;return a("div",{class:"notice"},[a("p",{text:o}),a("p",{},[n," ",r?E(r,t.privacy_link):null])])}function N(t,e,r){return[a("p",{text:t}),e?a("button",{type:"button",class:"retry",text:"Opnieuw proberen",onclick:e}):null,I("human_line",r)]}function Y(t,e,r){let o=W("confirm"),n=a("button",{type:"button",class:"no",text:"Nee",onclick:r}),s=a("button",{type:"button",class:"yes",text:"Ja",onclick:e});return{box:a("div",{role:"alertdialog","aria-labelledby":o},[a("p",{id:o,text:t}),a("div",{class:"choices"},[s,n])]),yes:s,no:n}}function Z(t){return a("p",{class:"status",text:t})}function Ee(){try{let t=window.sessionStorage;return t.setItem("omzien:probe","1"),t.removeItem("omzien:probe"),t}catch{return null}}function Te(){let t=new Uint8Array(16);return crypto.getRandomValues(t),Array.from(t,e=>e.toString(16).padStart(2,"0")).join("")}function R(){return{sender:Te(),entries:[],open:!1}}function Ae(t){return t!==null&&typeof t=="object"&&typeof t.sender=="string"&&t.sender.length>0&&Array.isArray(t.entries)}function H(t){let e=Ee();return{load(){try{return e?JSON.parse(e.getItem(t)):null}catch{return null}},save(r){try{e&&e.setItem(t,JSON.stringify(r))}catch{}},clear(){e&&e.removeItem(t)}}}function ee(t){let e=H(`omzien:conversation:${t}`);return{load(){let r=e.load();return Ae(r)?r:R()},save(r){e.save({...r,entries:r.entries.slice(-200)})},clear:e.clear}}var _e=["crisis","human_line"],Ce=8,Oe="Je bericht is niet verstuurd. Er is nu geen verbinding met Omzien.",Le={question:"Alles wat je hier schreef wordt gewist. Weet je het zeker?",done:"Je gesprek is gewist. Je kunt opnieuw beginnen.",failed:"Het wissen is niet gelukt. Probeer het zo opnieuw."};function ze(t){return Array.isArray(t)?t.filter(e=>e&&typeof e.title=="string"&&typeof e.payload=="string"&&e.title).slice(0,Ce).map(e=>({title:e.title,payload:e.payload})):[]}function Ie(t){let e=[];t&&typeof t.text=="string"&&t.text.trim()&&e.push({role:"bot",text:t.text,buttons:ze(t.buttons)});let r=t&&t.custom&&t.custom.handover;return _e.includes(r)&&e.push({role:"card",kind:r}),e}function te({origin:t,view:e,store:r,getConfig:o}){let{parts:n}=e,s=r.load(),m=!1,h=Promise.resolve(),b=[];function y(){r.save(s)}function d(){b.forEach(i=>i.remove()),b=[]}function p(i){A(i.payload,i.title)}function x(i,c){if(i.role==="user")return n.log.append(z(i.text));if(i.role==="card"){let l=I(i.kind,o()&&o().cards);return l&&n.log.append(l),l}if(n.log.append(G(i.text)),c&&i.buttons&&i.buttons.length){let l=X(i.buttons,p);b.push(l),n.log.append(l)}return null}function w(){d(),n.log.replaceChildren(Q(o(),t));let i=s.entries.map(c=>c.role).lastIndexOf("user");s.entries.forEach((c,l)=>x(c,l>i)),e.scrollToEnd()}function T(){n.error.hidden=!0,n.error.replaceChildren()}function se(i,c){let l=o(),f=i instanceof u&&i.kind==="too_long",g=f&&i.detail?i.detail:l&&l.network_error||Oe;n.error.replaceChildren(...N(g,f?null:c,l&&l.cards).filter(Boolean)),n.error.hidden=!1}function ce(){let i=document.activeElement;return!i||i===document.body||i===e.host&&!e.shadow.activeElement}function U(i){m=i,n.typing.hidden=!i,n.send.setAttribute("aria-disabled",String(i))}function A(i,c){return m?Promise.resolve(!1):(h=le(i,c),h)}async function le(i,c){U(!0),T(),d();let l=z(c);n.log.append(l),e.scrollToEnd();try{let f=await j(t,s.sender,i),g=[{role:"user",text:c}];return f.messages.forEach(v=>g.push(...Ie(v))),f.degraded&&!g.some(v=>v.kind==="human_line")&&g.push({role:"card",kind:"human_line"}),s.entries.push(...g),y(),g.forEach((v,ge)=>(ge>0||!l.isConnected)&&x(v,!0)),n.input.value===i&&(n.input.value=""),!0}catch(f){return l.remove(),!n.input.value&&i===c&&(n.input.value=i),se(f,()=>A(i,c)),!1}finally{U(!1),e.scrollToEnd(),e.isOpen()&&ce()&&n.input.focus()}}function de(i){i.preventDefault();let c=n.input.value.trim();!c||m||(n.input.value="",A(c,c))}function ue(){let i={role:"card",kind:"human_line"},c=x(i,!1);if(!c)return;s.entries.push(i),y(),e.scrollToEnd();let l=c.querySelector("a");l&&l.focus()}function pe(){let i=o();return{...Le,...i&&i.forget||{}}}function k(i){n.confirm.hidden=!0,n.confirm.replaceChildren(),i&&n.restart.focus()}async function fe(i,c){if(c.getAttribute("aria-disabled")!=="true"){c.setAttribute("aria-disabled","true"),await h.catch(()=>{});try{await $(t,s.sender)}catch{k(!1);let f=()=>M();n.error.replaceChildren(...N(i.failed,f,o()&&o().cards).filter(Boolean)),n.error.hidden=!1,n.error.querySelector("button").focus();return}k(!1),me(),n.log.append(Z(i.done))}}function M(){T();let i=pe(),c=Y(i.question,()=>fe(i,c.yes),()=>k(!0));c.box.addEventListener("keydown",l=>{l.key==="Escape"&&(l.preventDefault(),l.stopPropagation(),k(!0))}),n.confirm.replaceChildren(c.box),n.confirm.hidden=!1,c.no.focus()}function me(){r.clear(),s={...R(),open:e.isOpen()},y(),T(),w(),n.input.value="",n.input.focus()}function he(i){s.open=i,y()}return n.form.addEventListener("submit",de),n.human.addEventListener("click",ue),n.restart.addEventListener("click",M),{renderAll:w,rememberOpen:he,wasOpen:()=>s.open===!0}}var ne=`
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
.confirm { margin: 0 .75em .5em; padding: .75em; border: 2px solid var(--ink); border-radius: .5em; background: #fff; }
.confirm p { margin: 0 0 .5em; font-weight: 700; }
.choices { display: flex; flex-wrap: wrap; gap: .5em; }
.choices button {
  min-height: 2.75em; min-width: 5em; padding: .375em 1em; border: 2px solid var(--ink); border-radius: 1.5em;
  background: #fff; color: var(--ink); font-weight: 700;
}
.choices .yes { background: var(--ink); color: #fff; }
.status { margin: 0; padding: .5em .75em; border-radius: .5em; background: #f1f7f2; color: #1a1a1a; }
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
  .launcher, .send, .msg, .card, .card a, .retry, .replies button, .choices button { border: 2px solid CanvasText; }
}
`;function re(t){if("adoptedStyleSheets"in t&&typeof CSSStyleSheet.prototype.replaceSync=="function"){let r=new CSSStyleSheet;r.replaceSync(ne),t.adoptedStyleSheets=[r];return}let e=document.createElement("style");e.textContent=ne,t.append(e)}var Ne="(max-width: 480px)",Re={all:"initial",display:"block",position:"static",visibility:"visible",opacity:"1",direction:"ltr","unicode-bidi":"isolate",contain:"none"};function He(t){for(let[e,r]of Object.entries(Re))t.style.setProperty(e,r,"important")}function Ue(t){return Array.from(t.querySelectorAll("button, a[href], input")).filter(e=>!e.disabled&&e.getClientRects().length>0)}function oe({title:t,colors:e}){let r=document.createElement("omzien-chat");He(r);let o=r.attachShadow({mode:"open"});re(o);let n={launcher:a("button",{type:"button",class:"launcher","aria-expanded":"false","aria-controls":"omzien-panel","aria-haspopup":"dialog",text:t}),close:a("button",{type:"button",class:"close","aria-label":"Sluit de chat",text:"\xD7"}),human:a("button",{type:"button",class:"human",text:"Praat met een mens"}),restart:a("button",{type:"button",class:"restart",text:"Nieuw gesprek"}),log:a("div",{class:"log",role:"log","aria-live":"polite","aria-label":"Gesprek",tabindex:"0"}),typing:a("div",{class:"typing",role:"status",hidden:!0},[a("span",{class:"dots","aria-hidden":"true"},[a("i"),a("i"),a("i")]),a("span",{class:"sr",text:"Omzien schrijft een antwoord"})]),error:a("div",{class:"error",role:"alert",hidden:!0}),confirm:a("div",{class:"confirm",hidden:!0}),input:a("input",{id:"omzien-input",type:"text",autocomplete:"off",enterkeyhint:"send",placeholder:"Typ je bericht"}),send:a("button",{type:"submit",class:"send",text:"Verstuur"})};return n.form=a("form",{class:"composer"},[a("label",{class:"sr",for:"omzien-input",text:"Je bericht"}),n.input,n.send]),n.panel=a("div",{id:"omzien-panel",class:"panel",role:"dialog","aria-modal":"false","aria-labelledby":"omzien-title",hidden:!0},[a("div",{class:"header"},[a("h2",{id:"omzien-title",class:"title",text:t}),n.close,a("div",{class:"actions"},[n.human,n.restart])]),n.log,n.typing,n.error,n.confirm,n.form]),n.root=a("div",{class:"root",lang:"nl"},[n.launcher,n.panel]),n.root.style.setProperty("--accent",e.accent),n.root.style.setProperty("--on-accent",e.onAccent),n.root.style.setProperty("--ink",e.ink),o.append(n.root),{host:r,shadow:o,parts:n,...Me(o,n)}}function Me(t,e){let r=window.matchMedia(Ne),o={close:[]};function n(){let d=r.matches;e.panel.setAttribute("aria-modal",String(d));let p=window.visualViewport;d&&p?(e.panel.style.setProperty("top",`${p.offsetTop}px`),e.panel.style.setProperty("height",`${p.height}px`)):(e.panel.style.removeProperty("top"),e.panel.style.removeProperty("height"))}function s(){return!e.panel.hidden}function m({focus:d=!0}={}){e.panel.hidden=!1,e.root.classList.add("is-open"),e.launcher.setAttribute("aria-expanded","true"),n(),b(),d&&e.input.focus()}function h(){e.panel.hidden=!0,e.root.classList.remove("is-open"),e.launcher.setAttribute("aria-expanded","false"),e.launcher.focus(),o.close.forEach(d=>d())}function b(){e.log.scrollTop=e.log.scrollHeight}function y(d){if(e.panel.getAttribute("aria-modal")!=="true")return;let p=Ue(e.panel);if(p.length===0)return;let x=p[0],w=p[p.length-1];d.shiftKey&&t.activeElement===x?(d.preventDefault(),w.focus()):!d.shiftKey&&t.activeElement===w&&(d.preventDefault(),x.focus())}if(e.panel.addEventListener("keydown",d=>{d.key==="Escape"?(d.preventDefault(),h()):d.key==="Tab"&&y(d)}),e.close.addEventListener("click",h),r.addEventListener("change",n),window.visualViewport){let d=()=>s()&&n();window.visualViewport.addEventListener("resize",d),window.visualViewport.addEventListener("scroll",d)}return{open:m,close:h,isOpen:s,scrollToEnd:b,onClose:d=>o.close.push(d)}}var Pe="Chat met Omzien",$e=60;function je(){if(document.currentScript)return document.currentScript;let t=document.querySelectorAll('script[src*="widget.js"]');return t[t.length-1]||null}function Fe(t){let e=(t.dataset.title||"").trim().slice(0,$e);return{origin:new URL(t.src,document.baseURI).origin,title:e||Pe,colors:D(t.dataset.color)}}function ie(t){if(document.querySelector("omzien-chat"))return;let e=H(`omzien:config:${t.origin}`),r=e.load(),o=oe(t),n=te({origin:t.origin,view:o,store:ee(t.origin),getConfig:()=>r});n.renderAll(),o.parts.launcher.addEventListener("click",()=>{o.open(),n.rememberOpen(!0)}),o.onClose(()=>n.rememberOpen(!1)),document.body.append(o.host),n.wasOpen()&&o.open({focus:!1}),P(t.origin).then(s=>{let m=JSON.stringify(s)!==JSON.stringify(r);r=s,e.save(s),m&&n.renderAll()},()=>{})}var ae=je();if(ae){let t=Fe(ae);document.body?ie(t):document.addEventListener("DOMContentLoaded",()=>ie(t),{once:!0})}})();
