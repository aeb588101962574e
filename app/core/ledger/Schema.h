#pragma once

#include "rules/Catalog.h"
#include "support/Result.h"

#include <QSqlDatabase>

// Versioned schema. Version 1 held events, settings, tenants, members and the audit trail; version 2 added
// the per-period usage totals and the provider key states; version 3 the database's own id (install_id);
// version 4 when a throttled key may be checked again; version 5 which keychain ("user@host") holds each key;
// version 6 the totals per local day (usage_daily); version 7 the dated plan changes (plan_changes) and the
// audit trail's index by time; version 8 the write lock's row (ledger_lock); version 9, on PostgreSQL only, the
// ledger in its own schema behind the server's privileges (PostgresGuard); version 10 the import's staging with
// line numbers (an id given twice is found by the database, in bounded memory), on PostgreSQL only; version 11
// keeps a key check's verdict as facts (KeyVerdict) where it kept an English sentence; version 12 dates changes of
// the billing calendar (calendar_changes), which take effect at the next reset; version 13 the usage keys; version 14
// the providers' own usage and cost reports, their keys' names and the findings told of them; version 15, on
// PostgreSQL only, records a batch of events in one call, checked as one (record_events).
namespace Schema {

constexpr int currentVersion = 15;

// Version 12's table, on both backends.
constexpr const char* createCalendarChanges =
    "CREATE TABLE calendar_changes (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, from_anchor INTEGER NOT NULL, "
    "from_zone TEXT NOT NULL, to_anchor INTEGER NOT NULL, to_zone TEXT NOT NULL)";

// Version 13: what is known about each provider's usage key (an Admin key that reads the organisation's usage and
// cost reports), apart from the keys that run actions — never the key.
constexpr const char* createUsageKeys =
    "CREATE TABLE usage_keys (provider TEXT PRIMARY KEY, state TEXT NOT NULL, fingerprint TEXT NOT NULL, "
    "checked_at BIGINT, message TEXT NOT NULL, retry_at BIGINT, holder TEXT NOT NULL)";

// Version 14: what the providers' usage and cost reports said, per UTC day (YYYY-MM-DD), key id and model, as
// integers (tokens, micro-units of the currency); the organisation's keys as the provider shows them (never the
// key); when each provider was last read; and the reconciliation's findings the audit trail has told.
constexpr const char* createProviderReports[] = {
    "CREATE TABLE provider_usage (provider TEXT NOT NULL, day TEXT NOT NULL, api_key_id TEXT NOT NULL, "
    "model TEXT NOT NULL, uncached_input BIGINT NOT NULL, cache_write_5m BIGINT NOT NULL, "
    "cache_write_1h BIGINT NOT NULL, cache_read BIGINT NOT NULL, output BIGINT NOT NULL, images BIGINT NOT NULL, "
    "requests BIGINT, PRIMARY KEY (provider, day, api_key_id, model))",
    "CREATE TABLE provider_costs (provider TEXT NOT NULL, day TEXT NOT NULL, api_key_id TEXT NOT NULL, "
    "model TEXT NOT NULL, kind TEXT NOT NULL, currency TEXT NOT NULL, micros BIGINT NOT NULL, "
    "PRIMARY KEY (provider, day, api_key_id, model, kind, currency))",
    "CREATE TABLE provider_keys (provider TEXT NOT NULL, api_key_id TEXT NOT NULL, hint TEXT NOT NULL, "
    "name TEXT NOT NULL, PRIMARY KEY (provider, api_key_id))",
    "CREATE TABLE provider_syncs (provider TEXT PRIMARY KEY, synced_at BIGINT NOT NULL, first_day TEXT NOT NULL, "
    "last_day TEXT NOT NULL)",
    "CREATE TABLE spend_findings (provider TEXT NOT NULL, day TEXT NOT NULL, holder TEXT NOT NULL, "
    "kind TEXT NOT NULL, PRIMARY KEY (provider, day, holder, kind))"};

// The events as version 1 made them, and as the file beside a SQLite ledger during an import keeps them
// (DuringImport).
constexpr const char* createUsageEvents =
    "CREATE TABLE usage_events (id TEXT PRIMARY KEY, occurred_at BIGINT NOT NULL, tenant TEXT NOT NULL, "
    "action TEXT NOT NULL, model TEXT NOT NULL, billing TEXT NOT NULL, credits INTEGER NOT NULL, "
    "recorded_by TEXT NOT NULL)";

// The index the rate limit reads (a tenant's queries of one billing kind in the last hour). A large import drops
// it and builds it again once the rows are in: one sorted build is cheaper than a million random inserts.
constexpr const char* rateLimitIndex = "usage_events_by_tenant";
constexpr const char* createRateLimitIndex =
    "CREATE INDEX usage_events_by_tenant ON usage_events (tenant, billing, occurred_at)";

// 0 for an empty database.
Result<int> version(const QSqlDatabase& db);

// Creates or upgrades the database to `target`, in one write transaction. A new database starts on the
// catalog's first plan with the slots' default models, anchor day 1, UTC, and `creator` as its Owner.
Status migrate(const QSqlDatabase& db, const Catalog& catalog, const QString& creator, int target = currentVersion);
// Why a member cannot open the PostgreSQL database `db` whose ledger is at `version` (not the current one): there
// is none yet, or an older or newer one.
Failure notAnOpenableSharedLedger(const QSqlDatabase& db, int version, const QString& location);
// The steps of migrate() from version `from` to `target`, inside a write transaction the caller holds.
Status upgrade(const QSqlDatabase& db, const Catalog& catalog, const QString& creator, int from, int target);
// Version 11: the verdicts key_state kept as English sentences, rewritten as the facts they tell (KeyVerdict),
// inside the caller's write transaction. Also run by db init when it upgrades a shared ledger.
Status storeVerdictsAsFacts(const QSqlDatabase& db);
// Every table of the schema, in an order in which rows can be copied.
inline constexpr const char* tables[] = {"settings",       "tenants",          "members",        "usage_events",
                                         "usage_totals",   "usage_daily",      "key_state",      "audit_log",
                                         "plan_changes",   "calendar_changes", "usage_keys",     "provider_usage",
                                         "provider_costs", "provider_keys",    "provider_syncs", "spend_findings"};

} // namespace Schema
