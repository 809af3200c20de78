"""Import of HSDS JSON and spreadsheets: idempotent, all or nothing; export is HSDS again."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge.store import exporter, importer, models
from knowledge.store.csv_format import COLUMNS
from knowledge.store.hsds import ServiceIn
from omzien.db import engine_for
from omzien.settings import ROOT

ROW = {
    "id": "test-01", "organisatie": "Buurtwerk Test", "naam": "Breicafé De Bol",
    "omschrijving": "Samen breien en haken bij een kop koffie.", "activiteiten": "breien",
    "doelgroepen": "iedereen", "adres": "Teststraat 1", "postcode": "8011 AB",
    "plaats": "Zwolle", "lat": "", "lon": "", "frequentie": "wekelijks", "dagen": "di;do",
    "van": "10:00", "tot": "12:00", "geldig_van": "", "geldig_tot": "", "kosten": "gratis",
    "kosten_toelichting": "", "telefoon": "038 123 4567", "website": "https://example.org/bol",
    "email": "", "toegankelijkheid": "rolstoeltoegankelijk", "talen": "nl", "voorbeeld": "nee",
    "bijgewerkt": "2026-10-01",
}  # fmt: skip


def write_csv(path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def count(engine, model) -> int:
    with Session(engine, future=True) as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def engine(database_url):
    return engine_for(database_url)


def test_export_then_import_changes_nothing_and_exports_the_same(engine, tmp_path):
    first = exporter.export_services(engine)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    report = importer.import_file(engine, path)
    assert report.created == [] and report.updated == []
    assert len(report.unchanged) == len(first)
    assert exporter.export_services(engine) == first


def test_export_round_trips_into_an_empty_database(engine, tmp_path):
    from omzien.migrate import upgrade

    exported = exporter.export_services(engine)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    upgrade(empty)
    report = importer.import_file(engine_for(empty), path)
    assert len(report.created) == len(exported)
    assert exporter.export_services(engine_for(empty)) == exported


def test_export_is_valid_hsds(engine):
    exported = exporter.export_services(engine)
    assert len(exported) > 90
    for service in exported:
        ServiceIn.parse_obj(service)
        assert {"id", "name", "status", "organization", "attributes"} <= service.keys()
        for attribute in service["attributes"]:
            assert attribute["taxonomy_term"]["taxonomy_detail"]["name"].startswith("omzien-")


def test_csv_import_is_idempotent_and_a_changed_row_updates(engine, tmp_path):
    path = tmp_path / "gemeente.csv"
    write_csv(path, [ROW])
    assert importer.import_file(engine, path).created == ["test-01"]
    again = importer.import_file(engine, path)
    assert again.unchanged == ["test-01"] and again.created == again.updated == []
    write_csv(path, [{**ROW, "van": "09:30", "kosten": "1,50"}])
    assert importer.import_file(engine, path).updated == ["test-01"]
    exported = {s["id"]: s for s in exporter.export_services(engine)}["test-01"]
    assert exported["schedules"][0]["opens_at"] == "09:30:00"
    assert exported["cost_options"][0]["amount"] == 1.5
    assert exported["schedules"][0]["byday"] == "TU,TH"


def test_csv_row_gets_its_postcode_point_and_hobby_category(engine, tmp_path):
    path = tmp_path / "gemeente.csv"
    write_csv(path, [ROW])
    importer.import_file(engine, path)
    service = {s["id"]: s for s in exporter.export_services(engine)}["test-01"]
    location = service["service_at_locations"][0]["location"]
    assert 52.4 < location["latitude"] < 52.6 and 6.0 < location["longitude"] < 6.2
    codes = {a["taxonomy_term"]["code"] for a in service["attributes"]}
    assert codes == {"creatief en cultuur", "iedereen"}


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"postcode": "12345"}, "postcode"),
        ({"van": "25:00"}, "van"),
        ({"dagen": "maan"}, "dagen"),
        ({"activiteiten": "ruimtevaart"}, "activiteiten"),
        ({"kosten": "duur"}, "kosten"),
        ({"geldig_tot": "31-12-2026"}, "geldig_tot"),
        ({"naam": ""}, "naam"),
        ({"doelgroepen": "katten"}, "doelgroepen"),
        ({"frequentie": "soms"}, "frequentie"),
    ],
)
def test_a_bad_row_names_line_and_column_and_nothing_is_written(engine, tmp_path, change, column):
    path = tmp_path / "gemeente.csv"
    good = {**ROW, "id": "test-02", "naam": "Goede rij"}
    write_csv(path, [good, {**ROW, **change}])
    before = count(engine, models.Service)
    with pytest.raises(importer.ImportFailed) as failed:
        importer.import_file(engine, path)
    assert f"regel 3, kolom '{column}'" in failed.value.errors[0]
    assert count(engine, models.Service) == before


def test_bad_hsds_json_names_the_service_and_field_and_nothing_is_written(engine, tmp_path):
    services = exporter.export_services(engine)[:2]
    services[0] = {**services[0], "id": "new-one"}
    services[1] = {**services[1], "id": "new-two", "url": "not a url"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(services), encoding="utf-8")
    before = count(engine, models.Service)
    with pytest.raises(importer.ImportFailed) as failed:
        importer.import_file(engine, path)
    assert "dienst 2 (id new-two), veld 'url'" in failed.value.errors[0]
    assert count(engine, models.Service) == before


def test_a_datapackage_with_tables_is_nested_into_services(engine, tmp_path):
    service = exporter.export_services(engine)[-1]
    sal = service["service_at_locations"][0]
    location = sal["location"]
    term = service["attributes"][0]["taxonomy_term"]
    tables = {
        "organization": [service["organization"]],
        "service": [{**service, "id": "dp-1", "organization_id": service["organization"]["id"]}],
        "location": [{k: v for k, v in location.items() if not isinstance(v, list)}],
        "address": [{**a, "location_id": location["id"]} for a in location["addresses"]],
        "service_at_location": [
            {"id": "dp-1:sal", "service_id": "dp-1", "location_id": location["id"]}
        ],
        "taxonomy": [term["taxonomy_detail"]],
        "taxonomy_term": [{**term, "taxonomy_id": term["taxonomy_detail"]["id"]}],
        "attribute": [{"id": "dp-1:a", "link_id": "dp-1", "taxonomy_term_id": term["id"]}],
    }
    package = {
        "name": "hsds-test",
        "resources": [{"name": name, "data": rows} for name, rows in tables.items()],
    }
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    assert importer.import_file(engine, path).created == ["dp-1"]
    imported = {s["id"]: s for s in exporter.export_services(engine)}["dp-1"]
    assert imported["service_at_locations"][0]["location"]["id"] == location["id"]
    assert imported["attributes"][0]["taxonomy_term"]["code"] == term["code"]


def test_the_command_line_imports_and_exports(database_url, tmp_path):
    path = tmp_path / "gemeente.csv"
    write_csv(path, [ROW])
    env = {"OMZIEN_DATABASE_URL": database_url, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "knowledge", "import", str(path)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "nieuw: 1" in done.stdout
    write_csv(path, [{**ROW, "postcode": "0000"}])
    bad = subprocess.run(
        [sys.executable, "-m", "knowledge", "import", str(path)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and "regel 2, kolom 'postcode'" in bad.stderr
    out = tmp_path / "export.json"
    subprocess.run([sys.executable, "-m", "knowledge", "export", str(out)], env=env, check=True)
    assert "test-01" in {s["id"] for s in json.loads(out.read_text(encoding="utf-8"))}
