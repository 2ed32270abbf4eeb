#!/usr/bin/env python3
"""Generates the sample workspace's traffic logs (traffic log v1, ROUTING-CONTRACT.md).

    python3 tools/make_sample_traffic.py          # rewrites resources/sample-workspace/traffic/
    python3 tools/make_sample_traffic.py --check  # exits 1 if the committed files differ

Standard library only and a fixed seed, so the committed files are exactly what this script
writes (gzip with mtime 0 and no file name). What the week looks like, so the Monitor has
something to show when the sample workspace opens:

- 2026-11-17 00:00 to 2026-11-23 24:00 UTC, a working-day rhythm (quiet nights and weekend);
- sessions: a user ("u-xxxx") works on one model for a few requests, under one task id
  ("task-xxxx") or none; the gateway is chosen per sticky key (task, else user) with the sample
  config's shares (3% paid, Anthropic 8%, free 0.5%, Kimi and models without a Vercel id 0%,
  staff users to Vercel), so about 4% goes to Vercel;
- an incident on OpenRouter for x-ai/grok-code-fast-1, 2026-11-20 14:00-15:00: 429 and 5xx
  bursts, errors before the first token retried on Vercel (fallback_from "openrouter");
- latencies, time to first token, tokens and costs per model; some costs "estimated" (Vercel
  without a generation lookup, streams cut before the usage chunk).

A tiny CSV log (a batch job's export) sits next to it, to show that CSV is read too.
"""

import argparse
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import random
import sys

SEED = 20261123
START = dt.datetime(2026, 11, 17, tzinfo=dt.timezone.utc)
DAYS = 7
SESSIONS_PER_WEEKDAY = 1550
INCIDENT_MODEL = "x-ai/grok-code-fast-1"
INCIDENT_FROM = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.timezone.utc)
INCIDENT_TO = INCIDENT_FROM + dt.timedelta(hours=1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "resources", "sample-workspace", "traffic")
JSONL_NAME = "traffic-2026-11-17.jsonl.gz"
CSV_NAME = "batch-jobs-2026-11-22.csv"

# OpenRouter id: (weight, Vercel id or None, OpenRouter providers, USD per M input, per M output,
#                 median TTFT ms, output tokens/s, reasoning model)
MODELS = {
    "anthropic/claude-sonnet-4.5": (22, "anthropic/claude-sonnet-4.5", ["anthropic", "amazon-bedrock", "google-vertex"], 3.0, 15.0, 1400, 70, False),
    "anthropic/claude-haiku-4.5": (8, "anthropic/claude-haiku-4.5", ["anthropic", "amazon-bedrock"], 1.0, 5.0, 600, 140, False),
    "anthropic/claude-opus-4.5": (3, "anthropic/claude-opus-4.5", ["anthropic", "google-vertex"], 5.0, 25.0, 2000, 45, False),
    "openai/gpt-5": (6, "openai/gpt-5", ["openai"], 1.25, 10.0, 3500, 60, True),
    "openai/gpt-5-mini": (8, "openai/gpt-5-mini", ["openai"], 0.25, 2.0, 1800, 110, True),
    "openai/gpt-4o-mini": (5, "openai/gpt-4o-mini", ["openai", "azure"], 0.15, 0.6, 450, 90, False),
    "openai/gpt-5.1-codex": (4, "openai/gpt-5.1-codex", ["openai"], 1.25, 10.0, 2500, 70, True),
    "google/gemini-2.5-flash": (10, "google/gemini-2.5-flash", ["google-vertex", "google-ai-studio"], 0.3, 2.5, 700, 180, False),
    "google/gemini-2.5-pro": (4, "google/gemini-2.5-pro", ["google-vertex", "google-ai-studio"], 1.25, 10.0, 3000, 90, True),
    "google/gemini-3-pro-preview": (3, "google/gemini-3-pro-preview", ["google-vertex", "google-ai-studio"], 2.0, 12.0, 3200, 80, True),
    "x-ai/grok-code-fast-1": (10, "xai/grok-code-fast-1", ["xai"], 0.2, 1.5, 500, 160, True),
    "x-ai/grok-4": (2, "xai/grok-4", ["xai"], 3.0, 15.0, 4000, 50, True),
    "deepseek/deepseek-v3.2": (4, "deepseek/deepseek-v3.2", ["deepseek", "novita", "siliconflow"], 0.28, 0.42, 1500, 35, False),
    "z-ai/glm-4.6": (3, "zai/glm-4.6", ["z-ai", "novita"], 0.6, 2.2, 1200, 45, False),
    "moonshotai/kimi-k2-0905": (3, "moonshotai/kimi-k2-0905", ["moonshotai", "groq", "together"], 0.6, 2.5, 900, 60, False),
    "qwen/qwen3-coder": (3, "alibaba/qwen3-coder", ["alibaba", "together", "cerebras"], 0.35, 1.5, 800, 90, False),
    "minimax/minimax-m2": (2, "minimax/minimax-m2", ["minimax"], 0.3, 1.2, 1300, 55, True),
    "openai/gpt-oss-120b": (2, "openai/gpt-oss-120b", ["cerebras", "groq", "together"], 0.1, 0.5, 300, 400, True),
    "mistralai/codestral-2508": (1, "mistral/codestral", ["mistral"], 0.3, 0.9, 400, 120, False),
    "meta-llama/llama-3.3-70b-instruct:free": (2, None, ["together", "deepinfra"], 0.0, 0.0, 900, 50, False),
    "qwen/qwen3-coder:free": (2, None, ["chutes"], 0.0, 0.0, 1500, 40, False),
    "z-ai/glm-4.5-air:free": (2, "zai/glm-4.5-air", ["z-ai"], 0.0, 0.0, 1100, 50, False),
}
# OpenRouter provider slug -> Vercel's (the sample config's "providers" table).
VERCEL_PROVIDER = {"amazon-bedrock": "bedrock", "google-vertex": "vertex", "google-ai-studio": "google",
                   "together": "togetherai", "z-ai": "zai"}
STAFF = ["staff-0001", "staff-0002", "staff-0003", "staff-0004"]


def vercel_share(model, user):
    """The sample config's share for a request, in percent (rules in their order)."""
    weight, vercel_id, *_ = MODELS[model]
    if vercel_id is None:
        return 0.0
    if model.startswith("moonshotai/kimi-"):
        return 0.0
    if user in STAFF:
        return 100.0
    if model.startswith("anthropic/"):
        return 8.0
    if model.endswith(":free"):
        return 0.5
    return 3.0


def sticky_point(key, model):
    """Where a sticky key falls in [0, 100): the same key always gets the same gateway."""
    digest = hashlib.sha256((key + "\n" + model).encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100000 / 1000.0


def activity(t):
    """Relative request rate at time t: working hours in Europe and the Americas, quiet weekends."""
    hour = t.hour + t.minute / 60.0
    day = 0.55 + 0.45 * math.exp(-((hour - 11.0) ** 2) / 18.0) + 0.35 * math.exp(-((hour - 17.5) ** 2) / 12.0)
    if t.weekday() >= 5:
        day *= 0.35
    return day


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.users = ["u-%04x" % self.rng.randrange(0x10000) for _ in range(420)]
        # A few users send most of the traffic.
        self.user_weights = [1.0 / (i + 1) ** 0.8 for i in range(len(self.users))]
        self.model_names = list(MODELS)
        self.model_weights = [MODELS[m][0] for m in self.model_names]

    def lognormal(self, median, sigma):
        return median * math.exp(self.rng.gauss(0.0, sigma))

    def session_starts(self):
        """Session start times over the week, thinned by the activity curve."""
        starts = []
        peak = SESSIONS_PER_WEEKDAY / (24 * 3600) * 1.6  # sessions per second at the busiest
        t = START
        end = START + dt.timedelta(days=DAYS)
        while True:
            t += dt.timedelta(seconds=self.rng.expovariate(peak))
            if t >= end:
                return starts
            if self.rng.random() < activity(t) / 1.35:
                starts.append(t)

    def usage(self, model, turn):
        rng = self.rng
        _, _, _, price_in, price_out, _, _, reasoning = MODELS[model]
        prompt = int(min(180000, self.lognormal(2400 * (1 + 0.6 * min(turn, 6)), 0.8)))
        cached = int(prompt * rng.uniform(0.5, 0.9)) if turn > 0 and rng.random() < 0.7 else 0
        completion = int(min(32000, self.lognormal(380, 0.9))) + 1
        reasoning_tokens = int(completion * rng.uniform(0.2, 0.6)) if reasoning else 0
        cost = ((prompt - cached) * price_in + cached * price_in * 0.1 + completion * price_out) / 1e6
        return prompt, cached, completion, reasoning_tokens, cost

    def event(self, t, gateway, model, provider, user, task, turn, status=200, fallback_from=None):
        rng = self.rng
        _, vercel_id, _, _, _, ttft_median, tokens_per_s, _ = MODELS[model]
        free = model.endswith(":free")
        upstream = vercel_id if gateway == "vercel" else model.split(":")[0]
        if gateway == "vercel":
            provider = VERCEL_PROVIDER.get(provider, provider)
        record = {"ts": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000),
                  "gateway": gateway, "model": model, "upstream_model": upstream, "provider": provider,
                  "user": user, "task": task, "status": status, "error_type": None}
        if status != 200:
            kinds = {429: "rate_limited", 500: "server", 502: "provider_unavailable", 503: "provider_unavailable",
                     400: "bad_request", 408: "timeout"}
            record["error_type"] = kinds[status]
            latency = self.lognormal(180 if status == 429 else 2500, 0.6)
            if status == 408:
                latency = 120000.0
            record.update({"latency_ms": round(latency, 1), "ttft_ms": None, "prompt_tokens": 0,
                           "completion_tokens": 0, "cached_tokens": 0, "reasoning_tokens": 0,
                           "cost_usd": None, "cost_source": None})
        else:
            prompt, cached, completion, reasoning_tokens, cost = self.usage(model, turn)
            ttft = self.lognormal(ttft_median * (1.08 if gateway == "vercel" else 1.0), 0.45)
            latency = ttft + completion / self.lognormal(tokens_per_s, 0.25) * 1000.0
            if free:
                cost = 0.0
            estimated = (gateway == "vercel" and rng.random() < 0.3) or rng.random() < 0.03
            record.update({"latency_ms": round(latency, 1), "ttft_ms": int(ttft), "prompt_tokens": prompt,
                           "completion_tokens": completion, "cached_tokens": cached,
                           "reasoning_tokens": reasoning_tokens, "cost_usd": round(cost, 6),
                           "cost_source": "estimated" if estimated else "reported"})
        record["fallback_from"] = fallback_from
        record["free"] = free
        return record

    def failure_status(self, gateway, model, t):
        """An HTTP error status for this request, or 200."""
        rng = self.rng
        if gateway == "openrouter" and model == INCIDENT_MODEL and INCIDENT_FROM <= t < INCIDENT_TO:
            # Bursts: worse in the middle of the hour.
            minute = (t - INCIDENT_FROM).total_seconds() / 60.0
            rate = 0.35 + 0.5 * math.exp(-((minute - 30.0) ** 2) / 200.0)
            if rng.random() < rate:
                return rng.choice([429, 429, 429, 502, 503, 500])
        r = rng.random()
        if r < 0.006:
            return 429
        if r < 0.009:
            return 502
        if r < 0.011:
            return 500
        if r < 0.012:
            return 400
        if r < 0.0123:
            return 408
        return 200

    def week(self):
        rng = self.rng
        events = []
        for start in self.session_starts():
            user = rng.choices(self.users, self.user_weights)[0]
            if rng.random() < 0.005:
                user = rng.choice(STAFF)
            model = rng.choices(self.model_names, self.model_weights)[0]
            task = "task-%04x" % rng.randrange(0x10000) if rng.random() < 0.7 else ""
            gateway = "vercel" if sticky_point(task or user, model) < vercel_share(model, user) else "openrouter"
            providers = MODELS[model][2]
            turns = min(20, 1 + int(rng.expovariate(1 / 3.0)))
            t = start
            for turn in range(turns):
                provider = providers[0] if rng.random() < 0.7 else rng.choice(providers)
                status = self.failure_status(gateway, model, t)
                events.append(self.event(t, gateway, model, provider, user, task, turn, status))
                if status in (429, 500, 502, 503) and MODELS[model][1] is not None and rng.random() < 0.8:
                    # Failover: an error before the first token is retried on the other gateway.
                    other = "vercel" if gateway == "openrouter" else "openrouter"
                    retry_at = t + dt.timedelta(milliseconds=events[-1]["latency_ms"] + rng.uniform(20, 80))
                    events.append(self.event(retry_at, other, model, provider, user, task, turn, 200, gateway))
                elif status in (429, 502, 503) and rng.random() < 0.6:
                    # No failover: the client retries the same request a few seconds later.
                    t += dt.timedelta(seconds=rng.uniform(2, 6))
                    retried = self.failure_status(gateway, model, t)
                    events.append(self.event(t, gateway, model, provider, user, task, turn, retried))
                t += dt.timedelta(seconds=rng.uniform(8, 150))
        events.sort(key=lambda e: e["ts"])
        return [e for e in events if e["ts"] < (START + dt.timedelta(days=DAYS)).strftime("%Y-%m-%dT%H:%M:%S")]

    def batch_csv(self):
        """A nightly batch job's export: one model, no tasks, on OpenRouter."""
        columns = ["ts", "gateway", "model", "upstream_model", "provider", "user", "task", "status", "error_type",
                   "latency_ms", "ttft_ms", "prompt_tokens", "completion_tokens", "cached_tokens",
                   "reasoning_tokens", "cost_usd", "cost_source", "fallback_from", "free"]
        lines = [",".join(columns)]
        t = dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.timezone.utc)
        for _ in range(48):
            t += dt.timedelta(seconds=self.rng.uniform(20, 60))
            e = self.event(t, "openrouter", "google/gemini-2.5-flash", "google-vertex", "u-batch", "", 0)
            cells = []
            for c in columns:
                v = e[c]
                cells.append("" if v is None else ("true" if v is True else "false" if v is False else str(v)))
            lines.append(",".join(cells))
        return ("\n".join(lines) + "\n").encode()


def build():
    gen = Generator(SEED)
    events = gen.week()
    jsonl = "".join(json.dumps(e, separators=(",", ":")) + "\n" for e in events).encode()
    return {JSONL_NAME: gzip.compress(jsonl, compresslevel=9, mtime=0), CSV_NAME: gen.batch_csv()}, events


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args()
    files, events = build()
    if args.check:
        differ = [n for n, data in files.items()
                  if not os.path.exists(os.path.join(OUT_DIR, n)) or open(os.path.join(OUT_DIR, n), "rb").read() != data]
        for n in differ:
            print("differs: " + n, file=sys.stderr)
        return 1 if differ else 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(OUT_DIR, name), "wb") as f:
            f.write(data)
    vercel = sum(1 for e in events if e["gateway"] == "vercel")
    errors = sum(1 for e in events if e["status"] != 200)
    print("%d events, %.1f%% on Vercel, %d errors, %d fallbacks; %s %d bytes" % (
        len(events), 100.0 * vercel / len(events), errors, sum(1 for e in events if e["fallback_from"]),
        JSONL_NAME, len(files[JSONL_NAME])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
