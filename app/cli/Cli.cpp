#include "Cli.h"

#include "CliSupport.h"
#include "support/Environment.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cstdio>

namespace Cli {

namespace {

const Command commands[] = {
    {"report", "report [--period YYYY-MM] [--tenant T] [--json]",
     QT_TRANSLATE_NOOP("Cli", "Show the period's credits: used, remaining, reset date and the per-action breakdown."),
     QT_TRANSLATE_NOOP("Cli",
                       "  --period YYYY-MM  the billing period that starts in that month (default: the current one)\n"
                       "  --tenant T        only tenant T's usage (the pool's remaining credits are still shown)\n"
                       "  --json            machine-readable output on stdout\n"),
     &report},
    {"record", "record --action A [--tenant T] [--at ISO8601] [--id ID] | record --stdin",
     QT_TRANSLATE_NOOP("Cli",
                       "Authorise and record AI queries, each atomically (credits, rate limit, key state, role)."),
     QT_TRANSLATE_NOOP(
         "Cli", "  --action A        theme, content, inline_text, image, analysis or trigger\n"
                "  --tenant T        the tenant that ran it (default: the install itself)\n"
                "  --at ISO8601      when it ran, with Z or an offset (default: now); record authorises usage\n"
                "                    as it happens: the time lies in the running period and the rate limit's\n"
                "                    hour; older usage is history, for import (Owner or Admin)\n"
                "  --id ID           an id of your own; recording the same id again charges nothing\n"
                "  --stdin           JSON Lines in, one event per line with the fields action, tenant, at and id;\n"
                "                    one JSON line out per event, as soon as it is recorded, on one connection:\n"
                "                    {\"id\",\"ok\":true,\"billing\",\"credits\",\"remaining\",\"period\",...} or\n"
                "                    {\"id\",\"ok\":false,\"exit\":1|2|3,\"error\"}; exit 0 at the end of input\n"
                "Exit 1 when a rule refuses it: not enough credits, rate limit, invalid key or role.\n"),
     &record},
    {"import", "import FILE.csv|FILE.jsonl [--dry-run]",
     QT_TRANSLATE_NOOP("Cli", "Import historic usage; all lines or none, and the same id is never added twice."),
     QT_TRANSLATE_NOOP("Cli", "  FILE              CSV with a header, or JSON Lines, with the fields\n"
                              "                    id, occurred_at, tenant, action, model, billing, credits\n"
                              "  --dry-run         check everything and say what would be imported, writing nothing\n"
                              "A bad line is reported with its number and nothing is imported.\n"),
     &importUsage},
    {"export", "export [--period YYYY-MM] [--format csv|jsonl] [-o FILE]",
     QT_TRANSLATE_NOOP("Cli", "Write usage events as CSV or JSON Lines."),
     QT_TRANSLATE_NOOP("Cli", "  --period YYYY-MM  only that billing period (default: everything)\n"
                              "  --format F        csv or jsonl (default: from -o's extension, else csv)\n"
                              "  -o FILE           write to FILE, replaced only once complete (default: stdout)\n"),
     &exportUsage},
    {"plan", "plan show | set PLAN",
     QT_TRANSLATE_NOOP("Cli", "Show or change the install's plan (essentials, professional, enterprise)."),
     QT_TRANSLATE_NOOP("Cli",
                       "  show              the plan, its monthly credits and whether tenants may have their own keys\n"
                       "  set PLAN          essentials, professional or enterprise (Owner only)\n"),
     &plan},
    {"models", "models show | set content|analysis MODEL_ID [--force] | preview content|analysis MODEL_ID [--json]",
     QT_TRANSLATE_NOOP("Cli", "Show or change the Claude model of each workload."),
     QT_TRANSLATE_NOOP(
         "Cli",
         "  show              the model of each workload and its credit multiplier\n"
         "  set SLOT MODEL    SLOT is content or analysis; MODEL an id such as claude-opus-4-6. While an active\n"
         "                    Anthropic key is in force, only the models in its list are accepted (exit 1);\n"
         "                    --force sets another one anyway, and the audit trail says so\n"
         "  preview SLOT MODEL what choosing MODEL would have done over the last 30 days: a run's cost, the slot's\n"
         "                    runs on credits at both models, the forecast at that pace; changes nothing\n"),
     &models},
    {"tenants", "tenants list | add ID [--name NAME] | rename ID --name NAME | remove ID",
     QT_TRANSLATE_NOOP("Cli", "List, add, rename or remove tenants."),
     QT_TRANSLATE_NOOP("Cli",
                       "  list              the tenants\n"
                       "  add ID            letters, digits, dots, dashes, underscores; --name gives a display name\n"
                       "  rename ID         --name gives the new display name (the id stays)\n"
                       "  remove ID         the tenant's past usage stays in the ledger\n"),
     &tenants},
    {"members", "members list | add USER --role owner|admin|recorder|viewer | remove USER",
     QT_TRANSLATE_NOOP("Cli", "List, add or remove the people who may use this database."),
     QT_TRANSLATE_NOOP("Cli",
                       "  list              who may use this database, with their roles\n"
                       "  add USER --role R add or change a member (operating-system user name; on PostgreSQL a\n"
                       "                    role of the server); a recorder (a server) may record usage, nothing else\n"
                       "  remove USER       the last Owner cannot be removed\n"),
     &members},
    {"period", "period show | set [--anchor-day N] [--time-zone IANA_ZONE]",
     QT_TRANSLATE_NOOP("Cli", "Show or change when the monthly credits reset."),
     QT_TRANSLATE_NOOP("Cli", "  show              the anchor day and time zone of the monthly reset\n"
                              "  set               --anchor-day 1..28 and/or --time-zone such as Europe/London\n"),
     &period},
    {"keys",
     "keys status [--tenant T] [--json]\n"
     "           | set anthropic|openai [--tenant T] [--no-verify] [--replace-unverified]\n"
     "           | verify anthropic|openai [--tenant T] | remove anthropic|openai [--tenant T] | doctor\n"
     "           | set-usage anthropic|openai [--no-verify] [--replace-unverified]\n"
     "           | verify-usage anthropic|openai | remove-usage anthropic|openai",
     QT_TRANSLATE_NOOP("Cli", "Bring your own provider keys: kept in the system keychain, checked with the provider."),
     QT_TRANSLATE_NOOP(
         "Cli",
         "  status            every stored key of the scope: masked, its state (active, invalid, out_of_budget,\n"
         "                    throttled, not_verified, unused, not_set) and whether it is in force;\n"
         "                    then the usage keys that are set\n"
         "  set PROVIDER      reads the key from standard input (never from an argument), stores it in the\n"
         "                    keychain and checks it with the provider; --no-verify skips the check.\n"
         "                    A stored key is replaced only once the new one is checked: a rejected key\n"
         "                    changes nothing (exit 1); without a verdict the stored key is kept unless\n"
         "                    --replace-unverified is given\n"
         "  verify PROVIDER   checks the stored key with the provider again\n"
         "  remove PROVIDER   deletes the key from the keychain; its actions go back to credits\n"
         "  set-usage PROVIDER  the provider's usage key: an Admin key (sk-ant-admin01-..., sk-admin-...)\n"
         "                    that reads the organisation's usage and cost reports and never runs an\n"
         "                    action; it can also manage the organisation's keys and members, so only an\n"
         "                    Owner sets it. Read from standard input, checked by reading one day's report\n"
         "                    (states: active, invalid, no_permission, not_verified); replaced as above.\n"
         "                    Safer where offered: a read-only analytics key (Anthropic, read:analytics\n"
         "                    scope), kept only once the provider reads it a report, so an API key never\n"
         "                    is; its reports count the organisation per model, not per key\n"
         "  verify-usage PROVIDER, remove-usage PROVIDER   the same for the usage key\n"
         "  doctor            finds out why no keychain answers (session bus, Secret Service, a locked\n"
         "                    keyring) and says the fix; exit 3 while keys cannot be kept here\n"
         "  --tenant T        a tenant's own key (Professional and Enterprise plans)\n"
         "  --json            status as JSON: provider, state, in_force, fingerprint, source, scope,\n"
         "                    checked_at, retry_at, message, models, purpose (inference, or usage\n"
         "                    for a usage key's row)\n"
         "Exit 1 when the provider rejects the key or its account is out of budget; 3 when the keychain or\n"
         "the provider cannot be reached (a key already saved is kept).\n"
         "Providers are reached at their public APIs, or at the addresses in $ANTHROPIC_BASE_URL and\n"
         "$OPENAI_BASE_URL.\n"),
     &keys},
    {"spend", "spend report [--period YYYY-MM] [--tenant T] [--json] | sync [--provider P] [--since DATE]",
     QT_TRANSLATE_NOOP("Cli", "What the BYOK keys cost by the providers' own reports, and where the ledger disagrees."),
     QT_TRANSLATE_NOOP(
         "Cli", "  report            the period's cost on the install's and each tenant's keys, per provider, model\n"
                "                    and day, tokens by kind, the credits the same runs would have cost, the\n"
                "                    organisation's other keys, and the days where the ledger's BYOK runs and the\n"
                "                    provider's report disagree; from what the last sync stored (no network)\n"
                "  --period YYYY-MM  the billing period that starts in that month (default: the current one)\n"
                "  --tenant T        only tenant T's key and runs\n"
                "  --json            machine-readable output; dollars as exact decimal text\n"
                "  sync              reads the providers' usage and cost reports and key lists with the usage keys\n"
                "                    (keys set-usage) into the ledger: the previous and the running period, then\n"
                "                    on later syncs again from the last two days read (the providers complete\n"
                "                    those late); each request waits at most 15 s (Owner or Admin)\n"
                "  --provider P      only anthropic or openai (default: every provider with a usage key)\n"
                "  --since DATE      from that UTC day (YYYY-MM-DD) on\n"
                "Keys are matched by the last characters the provider shows of them.\n"),
     &spend},
    {"audit", "audit [--since DATE] [--kind K] [--user USER] [--json]",
     QT_TRANSLATE_NOOP("Cli", "Show who changed what, and when, newest first."),
     QT_TRANSLATE_NOOP(
         "Cli", "  --since DATE      from that day (YYYY-MM-DD, in the install's time zone) or time (ISO 8601) on\n"
                "  --kind K          key, plan, model, period, tenant, member, import, provider or spend\n"
                "  --user USER       only that member's changes\n"
                "  --json            a JSON array of {at, actor, kind, subject, change} on stdout\n"
                "Keys appear by their last four characters only.\n"),
     &audit},
    {"db", "db init --owner ROLE | db check | db copy --to URI | db copy --from URI",
     QT_TRANSLATE_NOOP(
         "Cli", "Create or check a shared ledger on PostgreSQL; copy a whole ledger between SQLite and PostgreSQL."),
     QT_TRANSLATE_NOOP(
         "Cli", "  init --owner ROLE creates the shared ledger in the empty PostgreSQL database --db, as a superuser\n"
                "                    of the server: the schema ai_settings, owned by the role DATABASE_ledger\n"
                "                    that nobody logs in as, the group roles DATABASE_owner, _admin, _recorder\n"
                "                    and _viewer, and the functions members write through; ROLE is its Owner\n"
                "  check             lists what is wrong with the shared ledger's privileges (a member with\n"
                "                    direct table rights, CREATE on its path, a missing role); exit 1 if anything\n"
                "  copy --to URI     copies this ledger (--db) into the empty ledger at URI: a PostgreSQL URI\n"
                "                    such as postgresql://postgres@db.example:5432/aisettings (a ledger made by\n"
                "                    db init, copied into as a superuser), or an SQLite file\n"
                "  copy --from URI   copies the ledger at URI into this one (--db), which must be empty\n"
                "Settings, tenants, members, usage, totals, key records and the audit trail are copied; a target\n"
                "that already holds tables is refused (exit 1) and nothing is written. Keys stay in the keychains\n"
                "that hold them. Owner or Admin of the source.\n"),
     &db},
};

void printOverview(QTextStream& out)
{
    out << Words::tr("Usage: %1").arg(QStringLiteral("ai-settings [--db PATH] [COMMAND ...]")) << "\n\n"
        << Words::tr("Without a command, opens the Settings > AI window.") << '\n'
        << Words::tr("The database is --db PATH, else $AI_SETTINGS_DB, else %1.")
               .arg(QDir::toNativeSeparators(Environment::defaultDatabasePath()))
        << "\n\n"
        << Words::tr("Commands:") << '\n';
    for (const Command& c : commands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(9) << Words::tr(c.summary) << '\n';
    out << '\n'
        << Words::tr("Run \"ai-settings COMMAND --help\" for a command's options.") << '\n'
        << Words::tr(
               "Exit codes: 0 done; 1 refused by a rule; 2 bad input or usage; 3 storage or keychain unavailable.")
        << '\n';
}

// Splits "[--db PATH] COMMAND ARGS..." into the database option and the rest.
struct GlobalArguments
{
    QString databasePath;
    QStringList rest;
    QString error;
};

GlobalArguments splitGlobal(const QStringList& arguments)
{
    GlobalArguments g;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (!g.rest.isEmpty()) {
            g.rest << a;
        } else if (a == QLatin1String("--db")) {
            if (i + 1 >= arguments.size()) {
                g.error = Words::tr("--db needs a path.");
                return g;
            }
            g.databasePath = arguments[++i];
        } else if (a.startsWith(QLatin1String("--db="))) {
            g.databasePath = a.mid(5);
        } else {
            g.rest << a;
        }
    }
    return g;
}

} // namespace

const Command* findCommand(const QString& name)
{
    for (const Command& c : commands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

bool wantsCommandLine(const QStringList& arguments)
{
    // Qt's own window options (documented with QApplication and QGuiApplication) go to the window, which takes
    // them off the argument list itself.
    static const QStringList windowOptions = {
        QStringLiteral("-style"),         QStringLiteral("-stylesheet"),      QStringLiteral("-platform"),
        QStringLiteral("-platformtheme"), QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
        QStringLiteral("-display"),       QStringLiteral("-geometry"),        QStringLiteral("-reverse"),
    };
    const QStringList rest = splitGlobal(arguments).rest;
    return !rest.isEmpty() && !windowOptions.contains(rest.first());
}

bool speaksToMachines(const QStringList& arguments)
{
    const QStringList rest = splitGlobal(arguments).rest;
    return rest.contains(QLatin1String("--json")) ||
           (!rest.isEmpty() && rest.first() == QLatin1String("record") && rest.contains(QLatin1String("--stdin")));
}

QString databasePath(const QStringList& arguments)
{
    const GlobalArguments g = splitGlobal(arguments);
    if (!g.databasePath.isEmpty())
        return g.databasePath;
    const QString fromEnvironment = qEnvironmentVariable("AI_SETTINGS_DB");
    return fromEnvironment.isEmpty() ? Environment::defaultDatabasePath() : fromEnvironment;
}

int run(const QStringList& arguments)
{
    const GlobalArguments g = splitGlobal(arguments);
    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!g.error.isEmpty()) {
        err << Text::printable(g.error) << '\n';
        return BadUsage;
    }
    if (g.rest.isEmpty() || g.rest.first() == QLatin1String("--help") || g.rest.first() == QLatin1String("-h") ||
        g.rest.first() == QLatin1String("help")) {
        printOverview(out);
        return Done;
    }
    if (g.rest.first() == QLatin1String("--version")) {
        out << "ai-settings " << QCoreApplication::applicationVersion() << '\n';
        return Done;
    }
    const Command* command = findCommand(g.rest.first());
    if (!command) {
        err << Words::tr("Unknown command %1; run \"ai-settings --help\" for the list.")
                   .arg(Text::quoted(g.rest.first()))
            << '\n';
        return BadUsage;
    }
    const auto catalog = Catalog::builtIn();
    if (!catalog) {
        err << Text::printable(catalog.failure().message) << '\n';
        return StorageUnavailable;
    }
    Context context(catalog.value(), databasePath(arguments));
    return command->run(context, g.rest);
}

} // namespace Cli
