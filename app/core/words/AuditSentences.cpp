#include "words/AuditSentences.h"

#include "model/Settings.h"
#include "rules/KeyState.h"
#include "rules/Roles.h"
#include "support/Text.h"
#include "words/KeySentences.h"
#include "words/SpendSentences.h"
#include "words/UsageSentences.h"

#include <QLocale>
#include <QRegularExpression>

namespace {

// The subjects' prefixes as the stores write them: "key.anthropic" (KeyStore), "model.content" and
// "base_url.openai" (Settings).
const QString keyPrefix = QStringLiteral("key.");
const QString modelPrefix = Settings::model({});
const QString baseUrlPrefix = Settings::baseUrl({});
const QString spendPrefix = QStringLiteral("spend."); // a finding of the reconciliation (ProviderBook::auditLine)

// "install", "tenant acme" or "usage", as KeyStore writes the scope of a key.
QString keyScope(const QString& scope)
{
    if (scope == QLatin1String("install"))
        return AuditSentences::tr("the install key");
    if (scope == QLatin1String("usage"))
        return AuditSentences::tr("the usage key");
    return AuditSentences::tr("the key of tenant %1").arg(scope.mid(int(qstrlen("tenant "))));
}

// A state as the page words it for a key of that scope: an active usage key is "Active", not "Active (BYOK)".
QString keyState(const QString& id, const QString& scope)
{
    const auto state = keyStateFromId(id);
    if (!state)
        return id;
    KeyRecord record;
    record.state = *state;
    record.purpose = scope == QLatin1String("usage") ? KeyPurpose::Usage : KeyPurpose::Inference;
    return KeySentences::stateLabel(record);
}

// " (request req_…)" as written, kept: it is what the provider's support asks for.
QString requestPart(const QString& id)
{
    return id.isEmpty() ? QString() : AuditSentences::tr(" (request %1)").arg(id);
}

// A setting's value as the page shows it: a plan's or model's name, "the default" for none.
QString settingValue(const QString& subject, const QString& value, const Catalog& catalog)
{
    if (value == QLatin1String("default") || value.isEmpty())
        return AuditSentences::tr("the default");
    if (subject == Settings::plan())
        if (const Plan* plan = catalog.plan(value))
            return plan->name;
    if (subject.startsWith(modelPrefix))
        if (const Model* model = catalog.model(value))
            return model->name;
    return value;
}

QString keyChange(const QString& line)
{
    // set|checked|removed SCOPE key[ …FP][: STATE[ (request ID)]]
    static const QRegularExpression plain(QStringLiteral("^(set|checked|removed) (install|usage|tenant \\S+) key(?: "
                                                         "\u2026(\\S+))?(?:: (\\w+)(?: \\(request (\\S+)\\))?)?$"));
    // replaced SCOPE key …OLD → …NEW: STATE[ (request ID)]
    static const QRegularExpression replaced(QStringLiteral("^replaced (install|usage|tenant \\S+) key \u2026(\\S+) "
                                                            "\u2192 \u2026(\\S+): (\\w+)(?: \\(request (\\S+)\\))?$"));
    // kept SCOPE key …OLD; new key …NEW not stored: STATE[ (request ID)]
    static const QRegularExpression kept(QStringLiteral("^kept (install|usage|tenant \\S+) key \u2026(\\S+); new key "
                                                        "\u2026(\\S+) not stored: (\\w+)(?: \\(request (\\S+)\\))?$"));
    if (const auto m = plain.match(line); m.hasMatch()) {
        const QString scope = keyScope(m.captured(2)), fingerprint = m.captured(3),
                      state = keyState(m.captured(4), m.captured(2));
        const QString request = requestPart(m.captured(5));
        const QString key = fingerprint.isEmpty() ? scope : AuditSentences::tr("%1 \u2026%2").arg(scope, fingerprint);
        if (m.captured(1) == QLatin1String("removed"))
            return AuditSentences::tr("Removed %1.").arg(key);
        if (m.captured(1) == QLatin1String("set"))
            return AuditSentences::tr("Set %1: %2%3.").arg(key, state, request);
        return AuditSentences::tr("Checked %1: %2%3.").arg(key, state, request);
    }
    if (const auto m = replaced.match(line); m.hasMatch())
        return AuditSentences::tr("Replaced %1 \u2026%2 with \u2026%3: %4%5.")
            .arg(keyScope(m.captured(1)), m.captured(2), m.captured(3), keyState(m.captured(4), m.captured(1)),
                 requestPart(m.captured(5)));
    if (const auto m = kept.match(line); m.hasMatch())
        return AuditSentences::tr("Kept %1 \u2026%2; the new key \u2026%3 was not stored: %4%5.")
            .arg(keyScope(m.captured(1)), m.captured(2), m.captured(3), keyState(m.captured(4), m.captured(1)),
                 requestPart(m.captured(5)));
    return line;
}

QString directoryChange(const QString& subject, const QString& line)
{
    static const QRegularExpression added(QStringLiteral("^added (\\S+)$"));
    static const QRegularExpression renamed(QStringLiteral("^renamed (\\S+) to (.*)$"));
    static const QRegularExpression removed(QStringLiteral("^removed (\\S+)$"));
    static const QRegularExpression member(QStringLiteral("^(\\S+) is (\\w+)$"));
    if (const auto m = added.match(line); m.hasMatch())
        return AuditSentences::tr("Added %1.").arg(m.captured(1));
    if (const auto m = renamed.match(line); m.hasMatch())
        return AuditSentences::tr("Renamed %1 to %2.").arg(m.captured(1), m.captured(2));
    if (const auto m = removed.match(line); m.hasMatch())
        return AuditSentences::tr("Removed %1.").arg(m.captured(1));
    if (subject == QLatin1String("member"))
        if (const auto m = member.match(line); m.hasMatch())
            if (const auto role = roleFromId(m.captured(2)))
                return AuditSentences::tr("%1 is now %2.").arg(m.captured(1), roleWithArticle(*role));
    return line;
}

QString importChange(const QString& line)
{
    static const QRegularExpression imported(
        QStringLiteral("^imported (\\d+) of (\\d+) events \\((\\d+) credits\\)(?: from (.*))?$"));
    const auto m = imported.match(line);
    if (!m.hasMatch())
        return line;
    const QString added = QLocale().toString(m.captured(1).toLongLong());
    const QString events = UsageSentences::events(m.captured(2).toLongLong());
    const QString credits = UsageSentences::credits(m.captured(3).toLongLong());
    return m.captured(4).isEmpty()
               ? AuditSentences::tr("Imported %1 of %2 (%3).").arg(added, events, credits)
               : AuditSentences::tr("Imported %1 of %2 (%3) from %4.").arg(added, events, credits, m.captured(4));
}

// A reconciliation's finding, as ProviderBook writes it, told as the spend report tells it.
QString spendChange(const QString& subject, const QString& line, const Catalog& catalog)
{
    const Provider* provider = catalog.provider(subject.mid(spendPrefix.size()));
    static const QRegularExpression outside(
        QStringLiteral("^(?:install|tenant (\\S+)) key(?: \u2026(\\S+))? used on (\\S+) with no BYOK run recorded$"));
    static const QRegularExpression recorded(
        QStringLiteral("^(?:install|tenant (\\S+)) key(?: \u2026(\\S+))?: (\\d+) BYOK runs recorded on (\\S+), "
                       "(none|(\\d+) requests) reported$"));
    SpendFinding f;
    if (const auto m = outside.match(line); m.hasMatch()) {
        f = {subject.mid(spendPrefix.size()),
             QDate::fromString(m.captured(3), Qt::ISODate),
             m.captured(1),
             SpendFinding::Kind::OutsideUse,
             m.captured(2),
             0,
             0};
    } else if (const auto r = recorded.match(line); r.hasMatch()) {
        const bool none = r.captured(5) == QLatin1String("none");
        f = {subject.mid(spendPrefix.size()),
             QDate::fromString(r.captured(4), Qt::ISODate),
             r.captured(1),
             none ? SpendFinding::Kind::NotSeen : SpendFinding::Kind::Differs,
             r.captured(2),
             r.captured(3).toLongLong(),
             none ? 0 : r.captured(6).toLongLong()};
    }
    if (!provider || !f.day.isValid())
        return line;
    return SpendSentences::finding(f, *provider);
}

} // namespace

QString AuditSentences::subject(const AuditEntry& entry, const Catalog& catalog)
{
    const QString& s = entry.subject;
    if (s.startsWith(keyPrefix)) {
        const QString id = s.mid(keyPrefix.size());
        const Provider* provider = catalog.provider(id);
        return tr("%1 key").arg(provider ? provider->name : id);
    }
    // A setting is named as it is declared (Settings::declarations).
    if (const auto setting = Settings::declaration(catalog, s))
        return setting->label;
    // One the catalog no longer has (a retired slot or provider) keeps its id.
    if (s.startsWith(modelPrefix))
        return tr("Model of %1").arg(s.mid(modelPrefix.size()));
    if (s.startsWith(baseUrlPrefix))
        return tr("%1 address").arg(s.mid(baseUrlPrefix.size()));
    if (s.startsWith(spendPrefix)) {
        const Provider* provider = catalog.provider(s.mid(spendPrefix.size()));
        return tr("%1 spend").arg(provider ? provider->name : s.mid(spendPrefix.size()));
    }
    if (s == QLatin1String("tenant"))
        return tr("Tenant");
    if (s == QLatin1String("member"))
        return tr("Member");
    if (s == QLatin1String("usage"))
        return tr("Import");
    return s;
}

QString AuditSentences::change(const AuditEntry& entry, const Catalog& catalog)
{
    const QString& s = entry.subject;
    if (s.startsWith(keyPrefix))
        return keyChange(entry.change);
    if (s == QLatin1String("tenant") || s == QLatin1String("member"))
        return directoryChange(s, entry.change);
    if (s == QLatin1String("usage"))
        return importChange(entry.change);
    if (s.startsWith(spendPrefix))
        return spendChange(s, entry.change, catalog);
    // A setting: "OLD -> NEW", and " (from YYYY-MM-DD)" for a change of the billing period that waits for its reset.
    static const QRegularExpression dated(QStringLiteral("^(.*) \\(from (\\S+)\\)$"));
    const QRegularExpressionMatch from = dated.match(entry.change);
    const QString change = from.hasMatch() ? from.captured(1) : entry.change;
    const qsizetype arrow = change.indexOf(QLatin1String(" -> "));
    if (arrow < 0)
        return entry.change;
    const QString values =
        tr("%1 \u2192 %2")
            .arg(settingValue(s, change.left(arrow), catalog), settingValue(s, change.mid(arrow + 4), catalog));
    const QDate starts = from.hasMatch() ? QDate::fromString(from.captured(2), Qt::ISODate) : QDate();
    if (!starts.isValid())
        return values;
    return tr("%1, from %2").arg(values, UsageSentences::dateText(starts));
}
