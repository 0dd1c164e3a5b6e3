"""axe-core in the page, its verdict reduced to what a test reads: violations and contrast checks.

The script is the one axe-playwright-python ships (nothing is fetched).
"""

from functools import cache
from pathlib import Path

import axe_playwright_python

IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING = ("critical", "serious")

# axe-core's colour-contrast rule skips text it takes for an icon font's ligature: a string
# drawn narrower than its letters side by side. Joined Arabic script is exactly that, and the
# verdict is remembered per font family, so after three Arabic strings every text of an Arabic
# page is skipped and the rule checks nothing. The site uses no icon font: the remembered
# verdict is set to "no ligature" for every family before each run.
_RUN = """async (arabicPattern) => {
  const noLigature = new Proxy({}, {
    get: (fonts, family) => (fonts[family] ??= {occurrences: 1e9, numLigatures: 0}),
  });
  axe._cache.set("fonts", noLigature);
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                    "best-practice"]},
  });
  const arabic = new RegExp(arabicPattern);
  const contrast = (type) => (results[type].find((r) => r.id === "color-contrast") || {nodes: []})
    .nodes;
  const checked = [...contrast("passes"), ...contrast("violations")];
  return {
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
    })),
    contrastChecked: checked.length,
    contrastArabic: checked.filter((n) => {
      const element = document.querySelector(n.target[0]);
      return element && arabic.test(element.innerText || element.value || "");
    }).length,
  };
}"""
ARABIC = "[\u0600-\u06ff]"


@cache
def _script() -> str:
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def audit(page) -> dict:
    """axe-core's WCAG 2.2 A/AA and best-practice rules on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_script())
    return page.evaluate(_RUN, ARABIC)


def blocking(result: dict) -> list[dict]:
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def by_impact(result: dict) -> dict[str, int]:
    counts = dict.fromkeys(IMPACTS, 0)
    for violation in result["violations"]:
        counts[violation["impact"]] += len(violation["nodes"])
    return counts
