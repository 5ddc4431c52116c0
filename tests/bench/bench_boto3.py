#!/usr/bin/python3
"""One client of the side-by-side result benchmark (tests/bench/run-bench.sh):
Debian's python3-boto3 runs SQL against athena-local and pages every row of
the result through GetQueryResults (1,000 rows a call, the SDK's paginator),
touching every cell. Prints LABEL|wall s|fetch s|rows|rows/s|CPU ns/cell|peak RSS MB
like bench_fetchers.  Usage: bench_boto3.py LABEL SQL  (ATHENA_LOCAL_URL set)"""
import os
import resource
import sys
import time

import boto3

label, sql = sys.argv[1], sys.argv[2]
client = boto3.client(
    "athena",
    region_name="us-east-1",
    endpoint_url=os.environ["ATHENA_LOCAL_URL"],
    aws_access_key_id=os.environ["BENCH_KEY_ID"],
    aws_secret_access_key=os.environ["BENCH_SECRET"],
)
t0 = time.monotonic()
qid = client.start_query_execution(
    QueryString=sql,
    QueryExecutionContext={"Database": "sampledb"},
    ResultConfiguration={"OutputLocation": "s3://athena-local-results/bench/"},
)["QueryExecutionId"]
wait = 0.1
while True:
    state = client.get_query_execution(QueryExecutionId=qid)["QueryExecution"]["Status"]["State"]
    if state in ("SUCCEEDED", "FAILED", "CANCELLED"):
        break
    time.sleep(wait)
    wait = min(wait * 2, 1.0)
if state != "SUCCEEDED":
    sys.exit("query " + state)
t_exec = time.monotonic()
c0 = time.process_time()
rows = cells = nbytes = 0
for page in client.get_paginator("get_query_results").paginate(
    QueryExecutionId=qid, PaginationConfig={"PageSize": 1000}
):
    for row in page["ResultSet"]["Rows"]:
        rows += 1
        for d in row["Data"]:
            cells += 1
            v = d.get("VarCharValue")
            if v:
                nbytes += len(v)
rows -= 1  # the header row on page one
t_end = time.monotonic()
cpu = time.process_time() - c0
fetch = t_end - t_exec
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print("%s|%.2f|%.2f|%d|%.0f|%.0f|%.1f" % (label, t_end - t0, fetch, rows, rows / fetch, cpu * 1e9 / cells, rss))
