#include "words/KeySentences.h"

#include <QLocale>

QString KeySentences::scope(const QString& tenant)
{
    return tenant.isEmpty() ? tr("the install") : tr("tenant %1").arg(tenant);
}

QString KeySentences::scope(const QString& tenant, KeyPurpose purpose)
{
    return purpose == KeyPurpose::Usage ? tr("the usage reports") : scope(tenant);
}

QString KeySentences::stateLabel(const KeyRecord& record)
{
    if (record.purpose == KeyPurpose::Usage && record.state == KeyState::Active)
        return tr("Active");
    return keyStateLabel(record.state);
}

QString KeySentences::inForce(const Provider& provider, const Result<KeyStatus>& status)
{
    if (!status)
        return status.failure().message;
    QString text;
    switch (status->source) {
    case KeySource::Tenant:
        text = tr("%1 actions use this tenant's own key: %2.").arg(provider.name, keyStateLabel(status->record.state));
        break;
    case KeySource::Install:
        text = tr("%1 actions use the install's key: %2.").arg(provider.name, keyStateLabel(status->record.state));
        break;
    case KeySource::Credits:
        text = tr("%1 actions use AI credits.").arg(provider.name);
        break;
    }
    if (status->unused) // the ledger's sentence, as `keys status` prints it
        text += QLatin1Char(' ') +
                tr("This tenant's own %1 key: %2").arg(provider.name, verdict(status->unused->verdict, provider));
    return text;
}

namespace {

// Each sentence once, for lupdate; said in the user's language or, for machine-readable output, as written.
struct Say
{
    bool english;
    QString operator()(const char* sentence) const
    {
        return english ? QString::fromUtf8(sentence) : QCoreApplication::translate("KeySentences", sentence);
    }
};

// "(401)", or "(401, request req_…)": what the provider's support asks for.
QString statusPartOf(const KeyVerdict& v, const Say& say)
{
    return v.requestId.isEmpty()
               ? QStringLiteral("(%1)").arg(v.status)
               : say(QT_TRANSLATE_NOOP("KeySentences", "(%1, request %2)")).arg(v.status).arg(v.requestId);
}

// ": <what the provider said>", or nothing.
QString saidPartOf(const KeyVerdict& v)
{
    return v.said.isEmpty() ? QString() : QStringLiteral(": %1").arg(v.said);
}

} // namespace

QString KeySentences::verdict(const KeyVerdict& v, const Provider& provider, bool english)
{
    const Say say{english};
    const QString& name = provider.name;
    const QString statusPart = statusPartOf(v, say);
    const QString saidPart = saidPartOf(v);
    switch (v.code) {
    case KeyVerdict::Code::None:
        return {};
    case KeyVerdict::Code::NotChecked:
        return say(QT_TRANSLATE_NOOP("KeySentences", "Not checked with the provider yet."));
    case KeyVerdict::Code::Rejected:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 rejected the key %2%3.")).arg(name, statusPart, saidPart);
    case KeyVerdict::Code::OutOfBudget:
        return say(QT_TRANSLATE_NOOP("KeySentences", "The %1 account behind this key is out of budget %2%3; raise its "
                                                     "spend limit or add credit at %4."))
            .arg(name, statusPart, saidPart, provider.consoleHost());
    case KeyVerdict::Code::Throttled:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 is limiting requests %2; check again in %3 seconds."))
            .arg(name, statusPart)
            .arg(v.retrySeconds.value_or(0));
    case KeyVerdict::Code::Limited:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 is limiting requests %2 and did not say when to ask again."))
            .arg(name, statusPart);
    case KeyVerdict::Code::Overloaded:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 is overloaded %2.")).arg(name, statusPart);
    case KeyVerdict::Code::ServerTrouble:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 is having trouble %2.")).arg(name, statusPart);
    case KeyVerdict::Code::OtherAnswer:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 answered %2%3.")).arg(name, statusPart, saidPart);
    case KeyVerdict::Code::NotAModelList:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 answered with something that is not a model list.")).arg(name);
    case KeyVerdict::Code::NoPermission:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 knows the key but it may not read the organisation's usage "
                                                     "reports %2%3; create an Admin key at %4 and enter that."))
            .arg(name, statusPart, saidPart, provider.consoleHost());
    case KeyVerdict::Code::NotAReport:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 answered with something that is not a usage report."))
            .arg(name);
    case KeyVerdict::Code::TimedOut:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 did not answer within %2 seconds."))
            .arg(name, english ? QString::number(v.timeoutMs / 1000.0, 'g', 2)
                               : QLocale().toString(v.timeoutMs / 1000.0, 'g', 2));
    case KeyVerdict::Code::Unreachable:
        return say(QT_TRANSLATE_NOOP("KeySentences", "%1 could not be reached (%2).")).arg(name, v.said);
    case KeyVerdict::Code::NotInKeychain:
        return say(QT_TRANSLATE_NOOP("KeySentences", "The key is no longer in the keychain; set it again."));
    case KeyVerdict::Code::UnusedByPlan:
        return say(QT_TRANSLATE_NOOP("KeySentences",
                                     "Not used: the %1 plan does not allow tenant keys; the key is kept "
                                     "until it is removed or the plan allows tenant keys again."))
            .arg(v.plan);
    case KeyVerdict::Code::Worded:
        return v.text;
    }
    return v.text;
}

QString KeySentences::readOnlyKeyNotKept(const KeyVerdict& v, const Provider& provider, bool refusedByProvider)
{
    if (refusedByProvider)
        return tr("%1 would not read its usage reports to this key %2%3, so it is not kept: an API key runs AI "
                  "actions but cannot read them; enter an Admin key (%4…) or a read-only analytics key.")
            .arg(provider.name, statusPartOf(v, Say{false}), saidPartOf(v), provider.adminKeyPrefixes.value(0));
    QString why = verdict(v, provider);
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    return tr("%1; a usage key that is not an Admin key is kept only once %2 has read it a report, so nothing was "
              "stored: try again when %2 answers.")
        .arg(why, provider.name);
}

QString KeySentences::readOnlyKeyNeedsCheck(const Provider& provider)
{
    return tr("A usage key that is not an Admin key is kept only once %1 has read it a report, so it cannot be set "
              "without the check.")
        .arg(provider.name);
}
