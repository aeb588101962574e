// keys: Bring-Your-Own-Key from the command line. The key only ever arrives on standard input.
#include "CliSupport.h"

#include "keys/KeychainDoctor.h"
#include "rules/KeyFormat.h"
#include "services/KeyService.h"
#include "support/IsoTime.h"
#include "support/Text.h"
#include "words/KeySentences.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Cli {

namespace {

constexpr qint64 maxKeyInput = 64 * 1024;
// How long a whole `keys set` or `keys verify` may take when the provider does not answer.
constexpr qint64 providerBoundMs = 15000;
// What follows a check that ran out of time: storing a replacement in the keychain, recording the verdict, exit.
constexpr qint64 afterCheckMs = 1000;

// Reads the key: one hidden line at a terminal, else everything piped in. Never an argument or a variable:
// those end up in shell history and in /proc for every user to read.
Result<QString> readKeyFromStdin(Context& context, const QString& providerName)
{
    QByteArray bytes;
    if (isatty(STDIN_FILENO)) {
        context.err << Words::tr("Paste the %1 key and press Enter (it is not shown): ").arg(providerName);
        context.err.flush();
        termios saved{};
        const bool hidden = tcgetattr(STDIN_FILENO, &saved) == 0;
        if (hidden) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        char line[4096];
        if (fgets(line, sizeof line, stdin))
            bytes = QByteArray(line);
        if (hidden)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        context.err << '\n';
        context.err.flush();
    } else {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return badInput(Words::tr("Standard input cannot be read; pipe the key into \"keys set\"."));
        // A pipe hands over at most its buffer per read: read on until the end or past the limit.
        while (bytes.size() <= maxKeyInput) {
            const QByteArray chunk = in.read(maxKeyInput + 1 - bytes.size());
            if (chunk.isEmpty())
                break;
            bytes += chunk;
        }
    }
    if (bytes.size() > maxKeyInput)
        return badInput(Words::tr("Standard input holds far more than a key; pipe only the key."));
    if (bytes.trimmed().isEmpty())
        return badInput(Words::tr("No key arrived on standard input; pipe the key into \"keys set\"."));
    return QString::fromUtf8(bytes);
}

// Runs one asynchronous key operation to its end. Every operation answers in bounded time (keychain and
// provider timeouts), so this wait is bounded too.
template <typename Value, typename Start> Value await(Start start)
{
    QEventLoop loop;
    std::optional<Value> answer;
    start([&](Value value) {
        answer = std::move(value);
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

struct KeyTools
{
    QNetworkAccessManager network;
    KeyVault vault;
    KeyService service;
    explicit KeyTools(Ledger& ledger) : service(ledger, vault, network) {}
};

QJsonValue timeOrNull(const std::optional<qint64>& at)
{
    return at ? QJsonValue(IsoTime::formatUtc(*at)) : QJsonValue();
}

// One stored key (or, when the provider's actions use credits, the absence of one) as `keys status` lists it.
QJsonObject rowJson(const Provider& p, const KeyRecord& r, const KeyStatus& s, bool inForce)
{
    return QJsonObject{
        {QStringLiteral("provider"), r.provider},
        {QStringLiteral("state"), keyStateId(r.state)},
        {QStringLiteral("in_force"), inForce},
        {QStringLiteral("fingerprint"), r.fingerprint.isEmpty() ? QJsonValue() : QJsonValue(r.fingerprint)},
        {QStringLiteral("masked"),
         r.fingerprint.isEmpty() ? QJsonValue() : QJsonValue(KeyFormat::masked(p, r.fingerprint))},
        {QStringLiteral("source"), r.purpose == KeyPurpose::Usage ? QJsonValue() : QJsonValue(keySourceId(s.source))},
        {QStringLiteral("scope"), r.tenant.isEmpty() ? QStringLiteral("install") : QStringLiteral("tenant")},
        {QStringLiteral("tenant"), r.tenant.isEmpty() ? QJsonValue() : QJsonValue(r.tenant)},
        {QStringLiteral("checked_at"), timeOrNull(r.checkedAt)},
        {QStringLiteral("retry_at"), timeOrNull(r.retryAt)},
        {QStringLiteral("message"), KeySentences::verdict(r.verdict, p, true)},
        {QStringLiteral("verdict"), r.verdict.isEmpty() ? QJsonValue() : QJsonValue(r.verdict.toJson())},
        {QStringLiteral("models"), QJsonArray::fromStringList(r.models)},
        {QStringLiteral("holder"), r.holder.isEmpty() ? QJsonValue() : QJsonValue(r.holder)},
        {QStringLiteral("purpose"),
         r.purpose == KeyPurpose::Usage ? QStringLiteral("usage") : QStringLiteral("inference")},
    };
}

void printRow(QTextStream& out, const Provider& p, const KeyRecord& r, const QString& usage)
{
    const QString masked = r.fingerprint.isEmpty() ? QStringLiteral("-") : KeyFormat::masked(p, r.fingerprint);
    out << p.name.leftJustified(10) << masked.leftJustified(20) << KeySentences::stateLabel(r);
    if (!r.verdict.isEmpty() && r.state != KeyState::Active)
        out << " - " << KeySentences::verdict(r.verdict, p);
    // Whole sentences under the row, each with its own full stop.
    QStringList notes;
    if (!usage.isEmpty())
        notes << usage;
    if (r.checkedAt)
        notes << Words::tr("Last checked %1.").arg(IsoTime::formatUtc(*r.checkedAt));
    if (r.retryAt && r.state == KeyState::Throttled)
        notes << Words::tr("Next check due %1.").arg(IsoTime::formatUtc(*r.retryAt));
    if (const QString elsewhere = KeyService::heldElsewhere(r, p.name); !elsewhere.isEmpty())
        notes << elsewhere;
    if (!notes.isEmpty())
        out << "\n          " << notes.join(QLatin1Char(' '));
    out << '\n';
}

int status(Context& context, Ledger& ledger, const QString& tenant, bool json)
{
    QJsonArray rows;
    for (const Provider& p : context.catalog.providers()) {
        const auto s = ledger.keys().keyStatus(tenant, p.id);
        if (!s)
            return context.fail(s.failure());
        if (json) {
            rows.append(rowJson(p, s->record, s.value(), s->inForce()));
            if (s->unused)
                rows.append(rowJson(p, *s->unused, s.value(), false));
            continue;
        }
        // The window's sentence under its key fields, as a line under the key rows.
        printRow(context.out, p, s->record, KeySentences::inForce(p, s.value()));
        if (s->unused)
            printRow(context.out, p, *s->unused, {});
    }
    // The usage keys that are set, after the keys that run actions (`keys set-usage`); an Owner's to change.
    bool heading = false;
    for (const Provider& p : context.catalog.providers()) {
        if (p.usagePath.isEmpty())
            continue;
        const auto usage = ledger.keys().usageKey(p.id);
        if (!usage)
            return context.fail(usage.failure());
        if (usage->state == KeyState::NotSet)
            continue;
        if (json) {
            rows.append(rowJson(p, usage.value(), KeyStatus{}, false));
            continue;
        }
        if (!std::exchange(heading, true))
            context.out << '\n' << Words::tr("Usage keys (read the providers' usage and cost reports):") << '\n';
        printRow(context.out, p, usage.value(), {});
    }
    if (json)
        context.out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return Done;
}

// keys doctor: each step that passed, then the verdict; exit 3 when no keychain can keep a key here.
int doctor(Context& context)
{
    KeychainDoctor probe;
    const auto d = await<KeychainDoctor::Diagnosis>([&](auto done) {
        QObject::connect(&probe, &KeychainDoctor::finished, &probe, done);
        probe.start();
    });
    for (const QString& step : d.passed)
        context.out << step << '\n';
    if (d.works()) {
        context.out << KeychainDoctor::verdict(d) << '\n';
        return Done;
    }
    return context.fail(unavailable(KeychainDoctor::verdict(d)));
}

// The exit code and the line for a key that was just stored or checked.
int verdict(Context& context, const Provider& provider, const KeyRecord& r, bool checked)
{
    const QString masked = KeyFormat::masked(provider, r.fingerprint);
    const QString what =
        r.purpose == KeyPurpose::Usage
            ? Words::tr("The %1 usage key (%2)").arg(provider.name, masked)
            : Words::tr("The %1 key for %2 (%3)").arg(provider.name, KeySentences::scope(r.tenant), masked);
    if (!checked) {
        context.out << Words::tr("%1 is saved; it has not been checked with the provider yet.").arg(what) << '\n';
        return Done;
    }
    switch (r.state) {
    case KeyState::Active:
        context.out << (r.purpose == KeyPurpose::Usage
                            ? Words::tr("%1 is saved and may read the organisation's usage and cost reports.")
                            : Words::tr("%1 is saved and active (BYOK); its actions cost no credits."))
                           .arg(what)
                    << '\n';
        return Done;
    case KeyState::Invalid:
        return context.fail(
            refused(Words::tr("%1 is stored but invalid: %2").arg(what, KeySentences::verdict(r.verdict, provider))));
    case KeyState::OutOfBudget:
        return context.fail(refused(
            Words::tr("%1 is stored but out of budget: %2").arg(what, KeySentences::verdict(r.verdict, provider))));
    case KeyState::NoPermission:
        return context.fail(refused(Words::tr("%1 is stored but may not read the usage reports: %2")
                                        .arg(what, KeySentences::verdict(r.verdict, provider))));
    case KeyState::Throttled:
    case KeyState::NotVerified:
    case KeyState::NotSet:
    case KeyState::Unused:
        break;
    }
    return context.fail(unavailable(
        Words::tr("%1 is stored but not verified: %2").arg(what, KeySentences::verdict(r.verdict, provider))));
}

} // namespace

Status removeTenantAndKeys(Ledger& ledger, const QString& tenant)
{
    KeyTools tools(ledger);
    return await<Status>([&](auto done) { tools.service.removeTenant(tenant, done); });
}

int keys(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption tenantOption(QStringLiteral("tenant"), {}, QStringLiteral("T"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption noVerifyOption(QStringLiteral("no-verify"));
    const QCommandLineOption replaceOption(QStringLiteral("replace-unverified"));
    parser.addOptions({tenantOption, jsonOption, noVerifyOption, replaceOption});
    if (const auto exit = parseArguments(context, parser, arguments, "keys"))
        return *exit;
    const QStringList verbs = {QStringLiteral("status"),       QStringLiteral("set"),
                               QStringLiteral("verify"),       QStringLiteral("remove"),
                               QStringLiteral("doctor"),       QStringLiteral("set-usage"),
                               QStringLiteral("verify-usage"), QStringLiteral("remove-usage")};
    const auto verb = verbOf(parser, verbs, {0, 1, 1, 1, 0, 1, 1, 1});
    if (!verb)
        return context.usageError(Words::tr("keys takes status or doctor, or set, verify, remove, set-usage, "
                                            "verify-usage or remove-usage with a provider."),
                                  QStringLiteral("keys"));
    const bool usage = verb->name.endsWith(QLatin1String("-usage"));
    if (usage && parser.isSet(tenantOption))
        return context.usageError(
            Words::tr("A usage key is the install's; --tenant does not go with %1.").arg(verb->name),
            QStringLiteral("keys"));
    // The keychain alone: no database is opened, so that it answers where none can be.
    if (verb->name == QLatin1String("doctor")) {
        if (parser.isSet(tenantOption) || parser.isSet(jsonOption) || parser.isSet(noVerifyOption) ||
            parser.isSet(replaceOption))
            return context.usageError(Words::tr("keys doctor takes no options."), QStringLiteral("keys"));
        return doctor(context);
    }
    const bool isStatus = verb->name == QLatin1String("status");
    const bool isSet = verb->name == QLatin1String("set") || verb->name == QLatin1String("set-usage");
    const bool isRemove = verb->name == QLatin1String("remove") || verb->name == QLatin1String("remove-usage");
    if ((parser.isSet(jsonOption) && !isStatus) ||
        ((parser.isSet(noVerifyOption) || parser.isSet(replaceOption)) && !isSet))
        return context.usageError(
            Words::tr("--json goes with status, and --no-verify and --replace-unverified with set and set-usage."),
            QStringLiteral("keys"));
    const QString tenant = parser.value(tenantOption);
    const QString provider = isStatus ? QString() : verb->args.first();
    const Provider* p = isStatus ? nullptr : context.catalog.provider(provider);
    if (!isStatus && !p)
        return context.usageError(context.catalog.unknownProvider(provider).message, QStringLiteral("keys"));
    // The key is read before the database is opened: a bad key is refused even where no database can be.
    QString key;
    if (isSet) {
        const auto read = readKeyFromStdin(context, p->name);
        if (!read)
            return context.fail(read.failure());
        key = read.value();
    }
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    if (isStatus)
        return status(context, *ledger, tenant, parser.isSet(jsonOption));

    KeyTools tools(*ledger);
    if (isRemove) {
        const Status s = await<Status>([&](auto done) {
            if (usage)
                tools.service.removeUsageKey(provider, done);
            else
                tools.service.remove(tenant, provider, done);
        });
        if (!s)
            return context.fail(s.failure());
        context.out << (usage ? Words::tr("The %1 usage key is removed from the keychain; the usage reports are no "
                                          "longer read.")
                                    .arg(p->name)
                              : Words::tr("The %1 key for %2 is removed from the keychain; its actions use credits "
                                          "again unless another key covers them.")
                                    .arg(p->name, KeySentences::scope(tenant)))
                    << '\n';
        return Done;
    }
    // The whole command, process start included, ends within the provider bound: the check gets what is left
    // of it, less what comes after the check.
    tools.service.setCheckTimeout(
        int(qMax<qint64>(1000, providerBoundMs - context.sinceStart.elapsed() - afterCheckMs)));
    const bool verify = !isSet || !parser.isSet(noVerifyOption);
    const KeyService::SetOptions options{verify, parser.isSet(replaceOption)};
    const auto r = await<Result<KeyRecord>>([&](auto done) {
        if (isSet && usage)
            tools.service.setUsageKey(provider, key, options, done);
        else if (isSet)
            tools.service.set(tenant, provider, key, options, done);
        else if (usage)
            tools.service.verifyUsageKey(provider, done);
        else
            tools.service.verify(tenant, provider, done);
    });
    key.fill(QLatin1Char(' ')); // the only copy this function holds; best effort, QString cannot promise more
    if (!r && r.failure().needsConfirmation) {
        Failure f = r.failure();
        f.message.chop(1);
        f.message += Words::tr("; to replace it anyway, add --replace-unverified.");
        return context.fail(f);
    }
    if (!r)
        return context.fail(r.failure());
    return verdict(context, *p, r.value(), verify);
}

} // namespace Cli
