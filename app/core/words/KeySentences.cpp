#include "words/KeySentences.h"

QString KeySentences::scope(const QString& tenant)
{
    return tenant.isEmpty() ? tr("the install") : tr("tenant %1").arg(tenant);
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
        text += QLatin1Char(' ') + tr("This tenant's own %1 key: %2").arg(provider.name, status->unused->message);
    return text;
}
