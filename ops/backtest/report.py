"""Prints a backtest's JSON answer (GET/POST /api/insights/backtest) or a calibration's proposal
(GET /api/insights/policy/proposal), read from stdin, as a report to read."""
import json
import sys

SHOWN_LOSSES = 20
WHOLE_HISTORY = "1900-01-01T00:00:00Z"


def percent(share):
    return "-" if share is None else f"{float(share) * 100:.1f} %"


def days(value):
    return "-" if value is None else f"{float(value):g}"


def lead(times):
    if times is None:
        return "no lead time (none flagged)"
    return (f"lead time {days(times['lowerQuartile'])} / {days(times['median'])} / "
            f"{days(times['upperQuartile'])} days (quartiles)")


def recall(label, figures):
    return (f"{label}{figures['losses']} losses, {figures['flagged']} flagged before the loss "
            f"({percent(figures['flaggedShare'])}), {lead(figures['leadTimeDays'])}")


def headline(report):
    figures = report["foreseeable"]
    alarms = report["falseAlarms"]
    return (f"{percent(figures['flaggedShare'])} of {figures['losses']} losses flagged ahead, "
            f"median lead {days((figures['leadTimeDays'] or {}).get('median'))} days, "
            f"{percent(alarms['share'])} false alarms")


def proposal(answer):
    print(answer["why"])
    print()
    print("How: " + answer["method"])
    print()
    print("Policy in force: " + headline(answer["current"]["backtest"]))
    if not answer["enough"]:
        return
    print("Proposed:        " + headline(answer["proposed"]["backtest"]))
    print()
    changes = answer["changes"]
    current = answer["current"]["policy"]
    print("Changes (apply with ./rapport calibrate --apply):")
    for factor, weight in changes["weights"].items():
        print(f"  weight of {factor:<20} {current['weights'].get(factor, 0):>3} -> {weight}")
    for band in ("healthyFrom", "watchFrom", "atRiskFrom"):
        print(f"  {band:<30} {current[band]:>3} -> {changes[band]}")
    print(f"  signals off: {', '.join(current['signals']['off']) or 'none'} -> "
          f"{', '.join(changes['signals']['off']) or 'none'}")


def main():
    report = json.load(sys.stdin)
    if "proposed" in report:
        proposal(report)
        return
    start = "the first event" if report["from"] == WHOLE_HISTORY else report["from"]
    print(f"Backtest from {start} to {report['to']}")
    print()
    print(recall("Foreseeable losses: ", report["foreseeable"]))
    for key, figures in [*report["byTier"].items(), *report["byReason"].items()]:
        print(recall(f"  {key:<16} ", figures))
    outside = report["outside"]
    print(f"Losses no history could show ({', '.join(outside['reasons']) or 'none'}): "
          f"{outside['losses']}, flagged anyway {outside['flagged']}")
    print()
    alarms = report["falseAlarms"]
    print(f"False alarms: {alarms['flagged']} of {alarms['assessments']} monthly assessments of accounts "
          f"that stayed were flagged ({percent(alarms['share'])})")
    for tier, figures in alarms["byTier"].items():
        print(f"  {tier:<16} {figures['flagged']} of {figures['assessments']} ({percent(figures['share'])})")
    losses = report["losses"]
    if losses:
        print()
        print("Losses, newest first:")
        for loss in losses[:SHOWN_LOSSES]:
            reason = loss["primaryReason"] + ("" if loss["foreseeable"] else " (no history could show)")
            warned = ("not flagged" if loss["firstFlaggedAt"] is None
                      else f"{loss['flaggedAs']} {loss['leadTimeDays']} days before, on {loss['firstFlaggedAt'][:10]}")
            print(f"  {loss['lostAt'][:10]}  {loss['name']} ({loss['tier']}), {reason}: {warned}")
        if len(losses) > SHOWN_LOSSES:
            print(f"  ... and {len(losses) - SHOWN_LOSSES} more (--json lists them all)")


if __name__ == "__main__":
    main()
