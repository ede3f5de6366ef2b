# SPDX-License-Identifier: Apache-2.0
"""Mixed load for bench/soak.sh: whoami, flow creation, registration, login and recovery against one Tessera node,
for DURATION seconds with WORKERS threads, loopback only. Prints one JSON line: counts by operation and status,
answers >= 500, and RSS samples (start, peak, end) of the server process."""
import http.client, json, os, sys, threading, time, uuid

public_port, pid, duration, workers = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
PASSWORD = "soak passphrase 4242 ok"
lock = threading.Lock()
counts = {}
errors = []
stop_at = time.monotonic() + duration


def rss_kib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def record(op, status):
    with lock:
        counts.setdefault(op, {}).setdefault(str(status), 0)
        counts[op][str(status)] += 1


def call(conn, op, method, path, body=None, headers=None):
    h = {"Accept": "application/json"}
    if body is not None:
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    try:
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=h)
        r = conn.getresponse()
        data = r.read()
        status = r.status
    except (OSError, http.client.HTTPException) as e:
        conn.close()
        status, data = "io", str(e).encode()
    record(op, status)
    if status == "io" or (isinstance(status, int) and status >= 500):
        with lock:
            if len(errors) < 20:
                errors.append(f"{op} {status} {data[:200]!r}")
    try:
        return status, json.loads(data) if data else {}
    except ValueError:
        return status, {}


def register_and_login(conn):
    email = f"soak-{uuid.uuid4().hex}@example.com"
    s, f = call(conn, "create_flow", "GET", "/self-service/registration/api")
    if s != 200:
        return None, None
    s, _ = call(conn, "registration", "POST", f"/self-service/registration?flow={f['id']}",
                {"method": "password", "password": PASSWORD, "traits": {"email": email}})
    if s != 200:
        return None, None
    s, f = call(conn, "create_flow", "GET", "/self-service/login/api")
    if s != 200:
        return email, None
    s, body = call(conn, "login", "POST", f"/self-service/login?flow={f['id']}",
                   {"method": "password", "identifier": email, "password": PASSWORD})
    return email, body.get("session_token") if s == 200 else None


accounts, tokens = [], []


def hashing_worker(n):
    """Registration and login: each costs a password hash, which the server runs two at a time by design."""
    conn = http.client.HTTPConnection("127.0.0.1", public_port, timeout=60)
    while time.monotonic() < stop_at:
        email, token = register_and_login(conn)
        with lock:
            if email:
                accounts.append(email)
            if token:
                tokens.append(token)


def cheap_worker(n):
    """whoami (the hottest read), flow creation never submitted, and recovery by code (a courier message each)."""
    conn = http.client.HTTPConnection("127.0.0.1", public_port, timeout=60)
    i = 0
    while time.monotonic() < stop_at:
        i += 1
        with lock:
            token = tokens[i % len(tokens)] if tokens else None
            email = accounts[i % len(accounts)] if accounts else None
        if i % 10 < 6:
            call(conn, "whoami", "GET", "/sessions/whoami", headers={"X-Session-Token": token} if token else {})
        elif i % 10 < 9:
            flow = ("login", "registration", "recovery", "settings")[i % 4]
            call(conn, "create_flow", "GET", f"/self-service/{flow}/api",
                 headers={"X-Session-Token": token} if flow == "settings" and token else {})
        else:
            s, f = call(conn, "create_flow", "GET", "/self-service/recovery/api")
            if s == 200:
                call(conn, "recovery", "POST", f"/self-service/recovery?flow={f['id']}",
                     {"method": "code", "email": email or f"nobody-{uuid.uuid4().hex}@example.com"})


rss = {"start_kib": rss_kib(), "peak_kib": 0}
samples = []


def sampler():
    while time.monotonic() < stop_at:
        value = rss_kib()
        samples.append(value)
        rss["peak_kib"] = max(rss["peak_kib"], value)
        time.sleep(1)


hashers = max(1, min(2, workers // 4))
threads = ([threading.Thread(target=hashing_worker, args=(n,)) for n in range(hashers)]
           + [threading.Thread(target=cheap_worker, args=(n,)) for n in range(workers - hashers)]
           + [threading.Thread(target=sampler)])
for t in threads:
    t.start()
for t in threads:
    t.join()
rss["end_kib"] = rss_kib()
# Growth that levels off: the last quarter's mean against the third quarter's.
q = max(1, len(samples) // 4)
rss["q3_mean_kib"] = sum(samples[-2 * q:-q]) // q if len(samples) >= 2 * q else 0
rss["q4_mean_kib"] = sum(samples[-q:]) // q
total = sum(sum(v.values()) for v in counts.values())
fives = sum(n for v in counts.values() for s, n in v.items() if s == "io" or int(s) >= 500)
print(json.dumps({"requests": total, "answers_5xx_or_io": fives, "rss": rss, "counts": counts, "errors": errors}))
