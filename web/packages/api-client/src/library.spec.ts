import { describe, expect, it } from "vitest";
import { ApiClient } from "./client";
import { FakeFetch } from "./fake-fetch";
import { LibraryApi } from "./library";

// Unit spec with a scripted fetch; the real server is exercised by the e2e tests.

function setup() {
  const fake = new FakeFetch();
  const library = new LibraryApi(new ApiClient({ fetch: fake.fetch, readCookies: () => "" }));
  return { fake, library };
}

const page = { count: 0, next: null, previous: null, results: [] };

describe("LibraryApi", () => {
  it("search() sends only the given filters", async () => {
    const { fake, library } = setup();
    fake.replyJson(200, page).replyJson(200, page).replyJson(200, page);
    await expect(
      library.search({
        search: "res smd",
        category: "Passives",
        library: "Device",
        simulatable: true,
        page: 2,
        pageSize: 20,
      }),
    ).resolves.toEqual(page);
    await library.search();
    await library.search({ simulatable: false, search: "" });
    expect(fake.requests.map((r) => r.url)).toEqual([
      "/api/library/components?search=res+smd&category=Passives&library=Device&simulatable=true&page=2&page_size=20",
      "/api/library/components",
      "/api/library/components?simulatable=false",
    ]);
    expect(fake.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("component() takes a numeric id or an escaped symbol id", async () => {
    const { fake, library } = setup();
    fake.replyJson(200, { id: 7 }).replyJson(200, { id: 8 });
    await library.component(7);
    await library.component("Device:R");
    expect(fake.requests.map((r) => r.url)).toEqual([
      "/api/library/components/7",
      "/api/library/components/Device%3AR",
    ]);
  });

  it("categories() and libraries() read their lists", async () => {
    const { fake, library } = setup();
    const categories = [{ name: "Passives", libraries: 1, components: 10 }];
    const libraries = [{ name: "Device", category: "Passives", symbol_count: 10 }];
    fake.replyJson(200, categories).replyJson(200, libraries);
    await expect(library.categories()).resolves.toEqual(categories);
    await expect(library.libraries()).resolves.toEqual(libraries);
    expect(fake.requests.map((r) => r.url)).toEqual([
      "/api/library/categories",
      "/api/library/libraries",
    ]);
  });
});
