"""The public library API over the imported default set: search, pages, filters, details, caching."""

import pytest
from django.core.cache import cache

from library import selectors
from library.models import Component

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("default_library")]

LIST = "/api/library/components"
SUMMARY_FIELDS = {
    "id",
    "symbol_id",
    "library",
    "name",
    "description",
    "keywords",
    "category",
    "reference",
    "simulatable",
    "unit_count",
    "pin_count",
}


def get_json(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_anonymous_search_is_paginated_and_ranked(api_client_anonymous):
    body = get_json(api_client_anonymous, LIST, {"search": "resistor", "page_size": 5})
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] > 5 and len(body["results"]) == 5 and body["previous"] is None
    assert body["next"] == "http://testserver/api/library/components?page=2&page_size=5&search=resistor"
    first = body["results"][0]
    assert set(first) == SUMMARY_FIELDS
    assert first["symbol_id"] == "Device:R" and first["library"] == "Device" and first["reference"] == "R"
    assert (first["pin_count"], first["unit_count"], first["category"]) == (2, 1, "Passive & basic")
    second = get_json(api_client_anonymous, body["next"])
    assert second["previous"] and {r["id"] for r in second["results"]}.isdisjoint(r["id"] for r in body["results"])


def test_without_search_everything_in_library_then_name_order(api_client_anonymous):
    body = get_json(api_client_anonymous, LIST, {"library": "power", "page_size": 200})
    assert body["count"] == Component.objects.filter(library__name="power").count()
    names = [r["name"] for r in body["results"]]
    assert names == sorted(names, key=str.lower) and "GND" in names
    assert get_json(api_client_anonymous, LIST)["count"] == Component.objects.count()
    assert len(get_json(api_client_anonymous, LIST)["results"]) == 50  # the default page size


def test_filters(api_client_anonymous):
    transistors = get_json(api_client_anonymous, LIST, {"category": "Transistors", "search": "npn", "page_size": 200})
    assert transistors["count"] > 10 and all(r["category"] == "Transistors" for r in transistors["results"])
    simulatable = get_json(api_client_anonymous, LIST, {"simulatable": "true", "page_size": 200})
    assert simulatable["count"] == Component.objects.filter(simulatable=True).count() > 0
    assert all(r["simulatable"] for r in simulatable["results"])
    not_simulatable = get_json(api_client_anonymous, LIST, {"simulatable": "false", "search": "gnd"})
    assert not_simulatable["count"] > 0 and not any(r["simulatable"] for r in not_simulatable["results"])
    assert get_json(api_client_anonymous, LIST, {"library": "NoSuchLibrary"})["count"] == 0
    assert get_json(api_client_anonymous, LIST, {"search": "zzzzqqq"})["results"] == []


def test_ranking_through_the_api(api_client_anonymous):
    def first(query):
        return get_json(api_client_anonymous, LIST, {"search": query})["results"][0]["symbol_id"]

    assert first("gnd") == "power:GND"
    assert first("2n3904") == "Transistor_BJT:2N3904"
    assert first("capacitor") == "Device:C"
    res = get_json(api_client_anonymous, LIST, {"search": "res"})["results"]
    assert "Device:R" in [r["symbol_id"] for r in res[:3]]


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"page": "999"}, 404, None),
        ({"page": "abc"}, 400, "page"),
        ({"page": "0"}, 400, "page"),
        ({"page_size": "1000"}, 400, "page_size"),
        ({"simulatable": "maybe"}, 400, "simulatable"),
        ({"search": "x" * 201}, 400, "search"),
        ({"sort": "name"}, 400, "sort"),
    ],
)
def test_bad_queries_get_json_errors(api_client_anonymous, params, status, field):
    body = get_json(api_client_anonymous, LIST, params, status=status)
    (error,) = body["errors"]
    assert error["message"] and error.get("field") == field


def test_detail_by_id_and_by_symbol_id(api_client_anonymous):
    r = Component.objects.get(symbol_id="Device:R")
    body = get_json(api_client_anonymous, f"{LIST}/{r.pk}")
    assert set(body) >= SUMMARY_FIELDS
    assert body["symbol_id"] == "Device:R" and body["value"] == "R" and body["datasheet"] == ""
    assert body["properties"]["ki_keywords"] == "R res resistor"
    assert [(p["number"], p["x"], p["y"], p["unit"]) for p in body["pins"]] == [("1", 0, 150, 1), ("2", 0, -150, 1)]
    assert body["geometry"]["units"][0]["graphics"][0]["kind"] == "rectangle"
    assert body["spice"]["prefix"] == "R" and body["simulatable"] is True
    assert get_json(api_client_anonymous, f"{LIST}/Device:R") == body
    lm358 = get_json(api_client_anonymous, f"{LIST}/Amplifier_Operational:LM358")
    assert [p["unit"] for p in lm358["pins"]] == [1, 1, 1, 2, 2, 2, 3, 3]


@pytest.mark.parametrize("key", ["999999999", "9" * 30, "\u00b2", "Device:Nope", "nonsense"])
def test_unknown_component_is_a_json_404(api_client_anonymous, key):
    response = api_client_anonymous.get(f"{LIST}/{key}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"].startswith("No component")
    assert "public" not in response.get("Cache-Control", "")


def test_libraries_and_categories(api_client_anonymous):
    libraries = get_json(api_client_anonymous, "/api/library/libraries")
    device = next(lib for lib in libraries if lib["name"] == "Device")
    assert device == {"name": "Device", "category": "Passive & basic", "symbol_count": 571}
    categories = get_json(api_client_anonymous, "/api/library/categories")
    assert categories[0]["name"] == "Passive & basic"
    assert {"Power symbols", "Transistors", "Amplifiers", "Sources & simulation"} <= {c["name"] for c in categories}
    assert sum(c["components"] for c in categories) == Component.objects.count()
    assert sum(c["libraries"] for c in categories) == len(libraries)


@pytest.mark.parametrize(
    "url", [LIST + "?search=led", LIST + "/Device:R", "/api/library/libraries", "/api/library/categories"]
)
def test_gets_are_publicly_cacheable(api_client_anonymous, url):
    response = api_client_anonymous.get(url)
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert "Cookie" not in response.get("Vary", "")  # no session is looked at


def test_signed_in_users_get_the_same_answers(user_api, api_client_anonymous):
    assert get_json(user_api, LIST, {"search": "lm741"}) == get_json(api_client_anonymous, LIST, {"search": "lm741"})


def test_answers_come_from_the_cache_until_the_library_changes(api_client_anonymous):
    before = get_json(api_client_anonymous, LIST, {"search": "gnd"})
    Component.objects.filter(symbol_id="power:GND").update(description="changed behind the importer's back")
    assert get_json(api_client_anonymous, LIST, {"search": "gnd"}) == before  # served from the cache
    selectors.bump_library_version()  # what the importer does after a change
    after = get_json(api_client_anonymous, LIST, {"search": "gnd"})
    assert after["results"][0]["description"] == "changed behind the importer's back"


def test_a_lost_cache_is_rebuilt_not_stale(api_client_anonymous):
    get_json(api_client_anonymous, LIST, {"search": "gnd"})
    Component.objects.filter(symbol_id="power:GND").update(keywords="earthly")
    cache.clear()  # e.g. a restarted Redis: the version is gone, so nothing old is trusted
    assert get_json(api_client_anonymous, LIST, {"search": "gnd"})["results"][0]["keywords"] == "earthly"


def test_library_endpoints_refuse_writes(api_client_anonymous):
    assert api_client_anonymous.post(LIST, {}, format="json").status_code == 405
    assert api_client_anonymous.delete(f"{LIST}/Device:R").status_code == 405
