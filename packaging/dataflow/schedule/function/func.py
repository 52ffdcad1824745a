"""OCI Function that starts a lakeshift Data Flow run: called by OCI Resource Scheduler on a schedule, or by an
OCI Events rule (e.g. an object created in a trigger bucket), or by hand with `fn invoke`.

Function configuration (fn config function <app> lakeshift-run KEY VALUE):
  APPLICATION_OCID   the lakeshift Data Flow application (packaging/dataflow/deploy.sh prints it)
  COMPARTMENT_OCID   where the runs go
  PARAM_<name>       optional overrides of the application's parameters, e.g. PARAM_source=abfss://...
A JSON body {"parameters": {"name": "value"}} overrides those in turn. While a run of the application is ACCEPTED
or IN_PROGRESS it starts none, and answers {"skipped": ...} naming that run (a body {"allow_concurrent": true}
starts one anyway). Signs in with the Function's resource principal (its dynamic group needs: allow dynamic-group
lakeshift-fn to manage dataflow-run in compartment ..., and read dataflow-application, read objects in the
artifact bucket)."""
import datetime
import io
import json
import logging

import oci
from fdk import response


def run_details(config, body, now):
    """The CreateRunDetails for a run started at `now` with this function config and request body."""
    parameters = {k[len("PARAM_"):]: v for k, v in config.items() if k.startswith("PARAM_")}
    parameters.update((body or {}).get("parameters", {}))
    return oci.data_flow.models.CreateRunDetails(
        application_id=config["APPLICATION_OCID"],
        compartment_id=config["COMPARTMENT_OCID"],
        display_name="lakeshift " + now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        parameters=[oci.data_flow.models.ApplicationParameter(name=k, value=v)
                    for k, v in sorted(parameters.items())],
    )


BUSY_STATES = ("ACCEPTED", "IN_PROGRESS")


def running_run(client, config):
    """A run of the application that is still ACCEPTED or IN_PROGRESS, or None."""
    for state in BUSY_STATES:
        # ListRuns takes one filter besides the compartment (its API reference): the state; the application is
        # picked here.
        runs = oci.pagination.list_call_get_all_results(client.list_runs, config["COMPARTMENT_OCID"],
                                                        lifecycle_state=state).data
        for run in runs:
            if run.application_id == config["APPLICATION_OCID"]:
                return run
    return None


def handler(ctx, data: io.BytesIO = None):
    raw = data.getvalue() if data is not None else b""
    body = json.loads(raw) if raw.strip() else {}
    if "eventType" in body:  # an OCI Events notification: the event starts the run, its content is not a setting
        body = {}
    signer = oci.auth.signers.get_resource_principals_signer()
    client = oci.data_flow.DataFlowClient(config={}, signer=signer)
    config = dict(ctx.Config())
    busy = None if body.get("allow_concurrent") is True else running_run(client, config)
    if busy is not None:
        message = "not starting a run: run %s of application %s is still %s" % (
            busy.id, config["APPLICATION_OCID"], busy.lifecycle_state)
        logging.getLogger(__name__).warning(message)
        return response.Response(ctx, response_data=json.dumps({"skipped": message, "running_run_id": busy.id,
                                                                "state": busy.lifecycle_state}),
                                 headers={"Content-Type": "application/json"})
    details = run_details(config, body, datetime.datetime.now(datetime.timezone.utc))
    run = client.create_run(details).data
    return response.Response(ctx, response_data=json.dumps({"run_id": run.id, "state": run.lifecycle_state}),
                             headers={"Content-Type": "application/json"})
