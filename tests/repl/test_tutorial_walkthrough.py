"""`flinklite tutorial anomaly-detection` in a real pseudo-terminal: every step's output (the
averages, the naive rows, the matches) and the pictures drawn from the data; and the interactive
walk (rerun, edit, the shell with the step's tables, quit)."""

from __future__ import annotations

import re

import pexpect

ASK = "s shell · q quit >"  # prompt-toolkit draws the trailing space as a cursor move


def test_the_non_interactive_walkthrough_shows_every_step(command):
    term = command("tutorial", "anomaly-detection", "--non-interactive")
    term.child.expect(pexpect.EOF)
    out = term.seen = re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]", "", term.child.before).replace("\r", "")
    term.child.close()
    assert term.child.exitstatus == 0, out[-3000:]
    steps = re.findall(r"Step (\d+) of 11 · ([^─\n]+)", out)
    assert [int(n) for n, _ in steps] == list(range(1, 12))
    assert "[ERROR]" not in out and "Traceback" not in out
    # The stream, and the picture of its quantities: 1 to 3 mostly, a few of 10 to 30.
    assert "How many sales had each quantity (6000 sales):" in out
    for quantity, count in ((10, 6), (20, 9), (30, 4)):
        assert re.search(rf"\s{quantity} █ {count}\s", out)
    # GROUP BY: its changelog and its final rows; AVG of an INT is an INT.
    assert "Received a total of 11900 changes (+I 100, -U 5900, +U 5900)" in out
    assert re.search(r"\| user-60 \|\s+76 \|\s+1 \|", out)
    assert re.search(r"\| user-75 \|\s+75 \|\s+2 \|", out)
    # The naive threshold: every sale above 3, the STRING quantity cast to compare.
    assert "Received a total of 19 changes (+I 19)" in out
    assert re.search(r"\| \+I \|\s+8404585062498730356 \|\s+user-90 \|\s+111 \|\s+30 \|", out)
    # The join and the running average it compares against.
    assert "user-13's sales and the running average the join compares against:" in out
    assert re.search(r"00:00:07\.054\s+10 █+\s+2\s+6\s+▲", out)
    assert re.search(r"\| -U \|\s+5294584638477718968 \|", out)  # the join retracts
    # The useful pattern: 18 matches, the first user-13's sale of 10.
    assert "Received a total of 18 changes (+I 18)" in out
    assert re.search(
        r"\| \+I \|\s+user-13 \|\s+5294584638477718968 \|\s+10 \| 2025-01-01 00:00:07\.054 \|\s+1 \|",
        out,
    )
    # The match on user-13's timeline, the rows each variable took, the WITHIN span.
    assert "user-13's sales around a match" in out
    assert "WITHIN 10 s of the first row" in out
    assert re.search(r"00:00:00\.001\s+qty\s+3\s+TYPICAL_SALE", out)
    assert re.search(r"00:00:07\.054\s+qty\s+10\s+UNUSUAL_SALE", out)
    assert "AVG over TYPICAL_SALE = 1; the UNUSUAL_SALE of 10 is more than 3 × 1 = 3." in out
    # The job on its own, into the sink that stands in for upsert-kafka.
    assert re.search(r"\[INFO\] Submitted job [0-9a-f]{32}", out)
    assert "unusual> +I[user-13, 5294584638477718968, 10, 2025-01-01T00:00:07.054" in out
    assert "The job ended (FINISHED)" in out


def test_the_interactive_walkthrough_reruns_edits_and_opens_the_shell(command):
    term = command("tutorial", "anomaly-detection")
    term.expect("Step 1 of 11")
    term.expect(ASK)
    term.line("")  # on to step 2
    term.expect("Step 2 of 11")
    term.expect(ASK)
    term.line("e")  # edit the step's SQL: the cursor is after it
    term.expect("Esc then Enter runs it")
    term.send(" LIMIT 3")
    term.send("\x1b\r")
    term.expect("Step 2 of 11")
    assert "SELECT * FROM SalesRecordTable LIMIT 3;" in term.expect("Received a total of 3 changes")
    term.expect(ASK)
    term.line("r")  # rerun keeps the edited SQL
    term.expect("Step 2 of 11")
    term.expect("Received a total of 3 changes (+I 3)")
    term.expect(ASK)
    term.line("s")  # the shell, with the walkthrough's tables
    term.expect("flinklite> ")
    term.line("SHOW TABLES;")
    assert "SalesRecordTable" in term.expect("in set")
    term.expect("flinklite> ")
    term.line("QUIT;")
    term.expect(ASK)
    term.line("q")
    term.expect("Left the walkthrough.")
    assert term.wait() == 0


def test_the_walkthroughs_are_listed_and_an_unknown_one_is_refused(command):
    term = command("tutorial")
    term.expect("anomaly-detection")
    assert term.wait() == 0
    term = command("tutorial", "fraud")
    term.expect("No walkthrough named 'fraud'; there is: anomaly-detection.")
    assert term.wait() == 2
