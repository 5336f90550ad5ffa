/**
 * The runtime's small shared value rules: the one URL check (pictures, roster files, meeting URLs) and how a
 * check failure describes a value it rejects without repeating it.
 */
import { containsUnknown, describeValue, isHttpUrl, UNKNOWN } from "../../provider/runtime/values";

describe("isHttpUrl", () => {
  it.each(["https://example.com/a.png", "http://localhost:8080/x?y=1", "HTTPS://EXAMPLE.COM"])(
    "accepts the absolute http(s) URL %s",
    (url) => {
      expect(isHttpUrl(url)).toBe(true);
    },
  );

  it.each([
    "/relative/a.png",
    "example.com/a.png",
    "ftp://example.com/a",
    "rtmp://live.example.com/app",
    "file:///a.png",
    "mailto:a@example.com",
    "",
    42,
  ])("rejects %j", (value) => {
    expect(isHttpUrl(value)).toBe(false);
  });
});

describe("describeValue", () => {
  it("shows a string's length, not its text, unless it is an enum name", () => {
    expect(describeValue("hunter2")).toBe("a string of 7 characters");
    expect(describeValue("x")).toBe("a string of 1 character");
    expect(describeValue("")).toBe("an empty string");
    expect(describeValue("   ")).toBe("a blank string of 3 characters");
    expect(describeValue("hunter2", "nothing")).toBe("a string");
    expect(describeValue("OFF", "enum")).toBe('"OFF"');
  });

  it("shows a number only where the number is the setting", () => {
    expect(describeValue(30, "number")).toBe("30");
    expect(describeValue(30)).toBe("a number");
    expect(describeValue(true, "number")).toBe("a boolean");
    expect(describeValue(null)).toBe("null");
    expect(describeValue([1, 2])).toBe("a list of 2 items");
    expect(describeValue({ secret: "s" })).toBe("an object");
  });
});

describe("containsUnknown", () => {
  it("finds the engine's unknown marker at any depth", () => {
    expect(containsUnknown({ a: [{ b: UNKNOWN }] })).toBe(true);
    expect(containsUnknown({ a: [{ b: "known" }] })).toBe(false);
  });
});
