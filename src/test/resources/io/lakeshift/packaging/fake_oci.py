"""A stand-in `oci` CLI for the packaging tests: it refuses what the real OCI CLI refuses, by the table of the real
CLI's commands and options (src/test/resources/oracles/oci-cli-options.tsv, read from oci-cli 3.89.3's click
command tree), then answers like the CLI for the few calls the scripts make.

Refused, with the real CLI's message and exit code (2, click's usage error; 1 for a missing option): a command that is not in the table
("Error: No such command"), an option the command does not have ("Error: No such option: --x"), a value outside
an option's allowed values, an option without its value, an extra argument, and a required option left out
("Error: Missing option(s) --x."; --from-json keys count, as in the real CLI). Stricter than the real CLI: a
--from-json key that is no option of the command is refused (the real CLI silently ignores it, so the setting
would be lost).

Environment: FAKE_OCI_TABLE the table; FAKE_CALLS a file each call is appended to (its arguments, NUL-separated);
FAKE_OCI_CHECK=1: read one JSON array of arguments per line from stdin (as written in a script or doc: a value
with $ is a shell variable's) and print, per line, "ok" or the error;
answers: FAKE_APP (the application list finds this id; empty: none), FAKE_APP_STATE (its lifecycle state, ACTIVE),
FAKE_STATE (the state a waited-for run ends in), FAKE_WAIT_TIMEOUT=1 (the wait runs out: last state, exit 2),
FAKE_RUNNING=STATE:APPLICATION_OCID@RUN_OCID (the run list finds that run of that application in that state).
"""
import json
import os
import re
import sys


def load(path):
    table = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cmd, opt, aliases, kind, req, choices = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
        o = {"name": opt, "names": [opt] + [a for a in aliases.split(",") if a], "kind": kind,
             "required": req == "required", "choices": [c for c in choices.split("|") if c]}
        table.setdefault(cmd, []).append(o)
    return table


def underscore(word):  # the CLI's own camelCase -> snake_case for --from-json keys (oci_cli/string_utils.py)
    word = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", word)
    word = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", word)
    return word.replace("-", "_").lower()


# ListApplications and ListRuns: "Only one parameter other than compartmentId may also be included in a query"
# (their API reference, as the commands' help and the SDK's docstrings repeat; oci-cli 3.89.3 dataflow_cli.py).
ONE_FILTER = {
    "data-flow application list": ["--display-name", "--owner-principal-id", "--display-name-starts-with",
                                   "--spark-version"],
    "data-flow run list": ["--application-id", "--pool-id", "--owner-principal-id", "--display-name-starts-with",
                           "--lifecycle-state", "--time-created-greater-than", "--display-name"],
}


class Refused(Exception):
    """A refusal; code is the real CLI's exit code: 2 for click's usage errors, 1 for a missing required option
    (the CLI's own check, cli_util.py) and a service error."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


def parse(table, argv, static=False):
    """(command, {option name: [values]}, from-json keys) or Refused with the real CLI's message. static: argv was
    read from a script or doc, so a value with $ in it is a shell variable's, unknown here (not checked against the
    allowed values; a --from-json file named by one is not read, nor are required options then checked)."""
    options = {o_name: o for o in table["oci"] for o_name in o["names"]}
    words, given, i = [], {}, 0
    command = "oci"
    while i < len(argv):
        a = argv[i]
        i += 1
        if a.startswith("-") and len(a) > 1:
            name, _, inline = a.partition("=") if a.startswith("--") else (a, "", "")
            o = options.get(name)
            if o is None:
                raise Refused("Error: No such option: %s" % name)
            if o["kind"] == "flag":
                given.setdefault(o["name"], []).append(True)
                continue
            if inline:
                value = inline
            elif i < len(argv):
                value = argv[i]
                i += 1
            else:
                raise Refused("Error: Option '%s' requires an argument." % name)
            if o["choices"] and value not in o["choices"] and not (static and "$" in value):
                raise Refused("Error: Invalid value for '%s': invalid choice: %s. (choose from %s)" % (
                    name, value, ", ".join(o["choices"])))
            given.setdefault(o["name"], []).append(value)
            continue
        candidate = " ".join(words + [a])
        if any(c == candidate or c.startswith(candidate + " ") for c in table):
            words.append(a)
            if candidate in table:
                command = candidate
                options = {n: o for o in table["oci"] + table[candidate] for n in o["names"]}
            continue
        if command != "oci" and not any(c.startswith(command + " ") for c in table):
            raise Refused("Error: Got unexpected extra argument (%s)" % a)
        raise Refused("Error: No such command '%s'." % a)
    if command == "oci" or any(c.startswith(command + " ") for c in table if c != command) and command not in table:
        raise Refused("Error: Missing command.")
    keys = {}
    if static and any("$" in str(v) for v in given.get("--from-json", [])):
        return command, given, keys
    if "--from-json" in given:
        keys = from_json(given["--from-json"][-1])
        by_param = {n.lstrip("-").replace("-", "_"): o for o in table[command] for n in o["names"] if n.startswith("--")}
        for k in keys:
            if underscore(k) not in by_param:
                raise Refused("Error: --from-json key '%s' is no option of 'oci %s' (the CLI would ignore it)"
                              % (k, command))
            given.setdefault(by_param[underscore(k)]["name"], []).append(keys[k])
    filters = [f for f in ONE_FILTER.get(command, []) if f in given]
    if len(filters) > 1:
        raise Refused("ServiceError: 400 InvalidParameter: %s takes one parameter besides --compartment-id, not %s"
                      % (command, " and ".join(filters)), 1)
    missing = [o["name"] for o in table[command] if o["required"] and o["name"] not in given]
    if missing:
        raise Refused("Usage: oci %s [OPTIONS]\n\nError: Missing option(s) %s." % (command, ", ".join(missing)), 1)
    return command, given, keys


def from_json(value):
    if value.startswith("file://"):
        path = value[len("file://"):]
        try:
            with open(os.path.expanduser(path), encoding="utf-8") as f:
                value = f.read()
        except OSError as e:
            raise Refused("Error: Invalid value for '--from-json': %s" % e)
    try:
        parsed = json.loads(value)
    except ValueError as e:
        raise Refused("Error: Parameter 'from_json' must be in JSON format. %s" % e)
    if not isinstance(parsed, dict):
        raise Refused("We expect a JSON object to be provided to --from-json")
    return parsed


# --- answers ---

def query(data, expression):
    """The JMESPath subset the scripts use: a.b, "quoted-name", [n], [?field=='value'], [], | [n]."""
    result = data
    for part in [p.strip() for p in expression.split("|")]:
        result = path(result, part)
    return result


TOKEN = re.compile(r'\s*(?:"([^"]+)"|([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[\?\s*(?:"([^"]+)"|(\w+))\s*==\s*\'([^\']*)\'\s*\]'
                   r'|(\[\])|(\.))')


def path(value, expression):
    i, projected = 0, False
    while i < len(expression):
        m = TOKEN.match(expression, i)
        if not m:
            raise SystemExit("fake oci: query '%s' is outside the subset it evaluates" % expression)
        i = m.end()
        quoted, ident, index, fq, fi, fv, flat, dot = m.groups()
        if dot:
            continue
        if quoted or ident:
            key = quoted or ident
            value = [v.get(key) for v in value] if projected else (value or {}).get(key)
        elif index is not None:
            value = value[int(index)] if isinstance(value, list) and int(index) < len(value) else None
            projected = False
        elif fv is not None:
            value = [v for v in (value or []) if str(v.get(fq or fi)) == fv]
            projected = True
        elif flat:
            projected = True
    return value


def answer(command, given):
    env = os.environ
    if command == "os ns get":
        return {"data": "testns"}
    if command == "data-flow application list":
        app = env.get("FAKE_APP", "")
        return {"data": [{"id": app, "display-name": given["--display-name"][0] if "--display-name" in given else "x",
                          "lifecycle-state": env.get("FAKE_APP_STATE", "ACTIVE")}] if app else []}
    if command == "data-flow run list":
        state, _, run = env.get("FAKE_RUNNING", "").partition(":")
        app, _, run = run.partition("@")
        wanted = given.get("--lifecycle-state", [state])[-1]
        return {"data": [{"id": run, "lifecycle-state": state, "application-id": app}] if run and state == wanted
                else []}
    if command == "data-flow application create":
        return {"data": {"id": "ocid1.dataflowapplication.oc1..new", "lifecycle-state": "ACTIVE"}}
    if command == "data-flow run create":
        state = "ACCEPTED"
        if "--wait-for-state" in given:
            state = env.get("FAKE_STATE", "SUCCEEDED")
            if env.get("FAKE_WAIT_TIMEOUT") == "1":
                state = "IN_PROGRESS"
        return {"data": {"id": "ocid1.dataflowrun.oc1..run", "lifecycle-state": state}}
    return {"data": {}}


def render(response, given):
    data = response
    if "--query" in given:
        data = query(response, given["--query"][-1])
        if data is None:
            print("Query returned empty result, no output to show.", file=sys.stderr)
            return
    if "--raw-output" in given and isinstance(data, str):
        print(data)
    else:
        print(json.dumps(data, indent=4))


def main():
    table = load(os.environ["FAKE_OCI_TABLE"])
    if os.environ.get("FAKE_OCI_CHECK") == "1":
        for line in sys.stdin:
            try:
                parse(table, json.loads(line), static=True)
                print("ok")
            except Refused as e:
                print(str(e).replace("\n", " "))
        return 0
    argv = sys.argv[1:]
    if os.environ.get("FAKE_CALLS"):
        with open(os.environ["FAKE_CALLS"], "a", encoding="utf-8") as f:
            f.write("".join(a + "\0" for a in argv) + "\n")
    try:
        command, given, _ = parse(table, argv)
    except Refused as e:
        print(str(e), file=sys.stderr)
        return e.code
    response = answer(command, given)
    if command == "data-flow run create" and "--wait-for-state" in given:
        print("Action completed. Waiting until the resource has entered state: %s" % given["--wait-for-state"],
              file=sys.stderr)
        if os.environ.get("FAKE_WAIT_TIMEOUT") == "1":
            print("Failed to wait until the resource entered the specified state. Outputting last known resource"
                  " state", file=sys.stderr)
            render(response, given)
            return 2
    render(response, given)
    return 0


if __name__ == "__main__":
    sys.exit(main())
