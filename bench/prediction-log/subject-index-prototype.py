# Scale model of the prediction log's subject index (docs/serving.md, "The prediction log with
# distinct User_IDs"): CPU per entry of 250-entry appends with random 64-character keys.
# Usage: python3 subject-index-prototype.py none|index|merge ENTRIES [MERGE_EVERY]
#   none: no subject index; index: the shipped partial index; merge: no index on the table,
#   new keys merged every MERGE_EVERY entries into a sorted WITHOUT ROWID table.
# Writes /tmp/subject-index-<mode>.db (removed first).
import sqlite3, os, time, random, sys
mode = sys.argv[1]; total = int(sys.argv[2]); M = int(sys.argv[3]) if len(sys.argv)>3 else 65536
path = f"/tmp/subject-index-{mode}.db"
for s in ("", "-wal", "-shm"):
    try: os.remove(path+s)
    except FileNotFoundError: pass
db = sqlite3.connect(path, isolation_level=None)
db.executescript("""PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=16384;
CREATE TABLE prediction_log (id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, model_name TEXT NOT NULL, model_version TEXT NOT NULL, subject_key TEXT NULL, request_id TEXT NOT NULL, source TEXT NOT NULL, age REAL, gender TEXT, occupation TEXT, country TEXT, ch INTEGER, stress TEXT, sleep REAL, work REAL, pa REAL, probability REAL, label INTEGER, threshold REAL, outcome INTEGER, outcome_at INTEGER);
CREATE INDEX ix_time ON prediction_log (ts, id);""")
if mode == "none": pass
elif mode == "index":
    db.execute("CREATE INDEX ix_subject ON prediction_log (subject_key) WHERE subject_key IS NOT NULL")
else:
    db.execute("CREATE TABLE subject_index (subject_key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (subject_key, id)) WITHOUT ROWID")
    db.execute("CREATE TABLE meta (indexed_through INTEGER NOT NULL)"); db.execute("INSERT INTO meta VALUES (0)")
rnd = random.Random(1)
sql = "INSERT INTO prediction_log (ts, model_name, model_version, subject_key, request_id, source, age, gender, occupation, country, ch, stress, sleep, work, pa, probability, label, threshold) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
t0 = time.process_time(); w0 = time.time(); n = 0; merge_t = 0; pending = 0
report = 200000
while n < total:
    rows = [(n+i, "mental-health-classifier", "3", "%064x" % rnd.getrandbits(256), "0HNHB3VQ7K2LM:%08X" % i, "api", 30.0, "Male", "IT", "USA", 1, "Low", 7.0, 40.0, 2.0, 0.4, 1, 0.29) for i in range(250)]
    db.execute("BEGIN IMMEDIATE"); db.executemany(sql, rows); db.execute("COMMIT")
    n += 250; pending += 250
    if mode == "merge" and pending >= M:
        m0 = time.time()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO subject_index SELECT subject_key, id FROM prediction_log WHERE id > (SELECT indexed_through FROM meta) AND subject_key IS NOT NULL ORDER BY subject_key, id")
        db.execute("UPDATE meta SET indexed_through = (SELECT max(id) FROM prediction_log)")
        db.execute("COMMIT"); merge_t = max(merge_t, time.time()-m0); pending = 0
    if n % report == 0:
        print(f"{mode} n={n} cpu/entry={(time.process_time()-t0)/report*1e6:.1f}us wall/entry={(time.time()-w0)/report*1e6:.1f}us max-merge={merge_t*1000:.0f}ms", flush=True)
        t0 = time.process_time(); w0 = time.time(); merge_t = 0
