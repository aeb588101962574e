#include "ProviderCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace {

QString providerName(const QString& provider)
{
    return provider == QLatin1String("anthropic") ? QStringLiteral("Anthropic") : QStringLiteral("OpenAI");
}

// Providers quote part of a rejected key back ("Incorrect API key provided: sk-abc…xyz"): cut every key-like
// word, and the key itself, out of anything that may be shown or stored.
QString scrubbed(QString text, const QString& key)
{
    static const QRegularExpression keyLike(QStringLiteral("sk-[A-Za-z0-9_*\\-]*"));
    if (!key.isEmpty())
        text.replace(key, QStringLiteral("sk-…"));
    text.replace(keyLike, QStringLiteral("sk-…"));
    return text.simplified();
}

QJsonObject errorObject(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
}

} // namespace

ProviderCheck::ProviderCheck(QNetworkAccessManager& network, QObject* parent) : QObject(parent), m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProviderCheck::onTimeout);
}

QUrl ProviderCheck::baseUrl(const QString& provider, const QString& configured)
{
    const bool anthropic = provider == QLatin1String("anthropic");
    const QString fromEnvironment = qEnvironmentVariable(anthropic ? "ANTHROPIC_BASE_URL" : "OPENAI_BASE_URL");
    if (!fromEnvironment.isEmpty())
        return QUrl(fromEnvironment);
    if (!configured.isEmpty())
        return QUrl(configured);
    return QUrl(anthropic ? QStringLiteral("https://api.anthropic.com") : QStringLiteral("https://api.openai.com"));
}

void ProviderCheck::abandonReply()
{
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void ProviderCheck::start(const QString& provider, const QUrl& base, const QString& key)
{
    abandonReply();
    m_provider = provider;
    m_key = key;
    QUrl url = base;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // OpenAI-style bases already end in /v1; Anthropic's do not.
    url.setPath(path.endsWith(QLatin1String("/v1")) ? path + QStringLiteral("/models") : path + QStringLiteral("/v1/models"));
    // The bound is m_timer alone: a second, transfer timeout would race it and name the wrong cause.
    QNetworkRequest request(url);
    // Our own name instead of Qt's default "Mozilla/5.0": the provider's logs and gateways see what called.
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ai-settings/" AI_SETTINGS_VERSION));
    if (provider == QLatin1String("anthropic")) {
        request.setRawHeader("x-api-key", key.toUtf8());
        request.setRawHeader("anthropic-version", "2023-06-01");
    } else {
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    }
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ProviderCheck::onReplyFinished);
    m_timer.start(m_timeoutMs);
}

void ProviderCheck::onTimeout()
{
    if (!m_reply)
        return;
    abandonReply();
    finish({KeyState::NotVerified,
            QStringLiteral("%1 did not answer within %2 seconds; the key is kept and can be checked again.")
                .arg(providerName(m_provider))
                .arg(QString::number(m_timeoutMs / 1000.0, 'g', 2)),
            {}, std::nullopt});
}

void ProviderCheck::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    m_timer.stop();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // No HTTP answer at all: DNS, refused connection, TLS, proxy. Qt's text names the host, never the header.
        finish({KeyState::NotVerified,
                QStringLiteral("%1 could not be reached (%2); the key is kept and can be checked again.")
                    .arg(providerName(m_provider), scrubbed(reply->errorString(), m_key)),
                {}, std::nullopt});
        return;
    }
    finish(interpret(m_provider, status, reply->readAll(), reply->rawHeader("retry-after"), m_key));
}

void ProviderCheck::finish(const Outcome& outcome)
{
    m_key.clear();
    emit finished(outcome);
}

ProviderCheck::Outcome ProviderCheck::interpret(const QString& provider, int status, const QByteArray& body,
                                                const QByteArray& retryAfter, const QString& key)
{
    const QString name = providerName(provider);
    const QJsonObject error = errorObject(body);
    QString said = scrubbed(error.value(QLatin1String("message")).toString(), key);
    while (said.endsWith(QLatin1Char('.')))
        said.chop(1); // the sentence gets its own full stop
    const QString saidPart = said.isEmpty() ? QString() : QStringLiteral(": %1").arg(said);
    Outcome o;
    if (status == 200) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        const QJsonValue data = doc.object().value(QLatin1String("data"));
        if (!data.isArray()) {
            o.message = QStringLiteral("%1 answered with something that is not a model list; the key is kept and can be "
                                       "checked again.")
                            .arg(name);
            return o;
        }
        for (const QJsonValue& model : data.toArray())
            o.models << model.toObject().value(QLatin1String("id")).toString();
        o.state = KeyState::Active;
        return o;
    }
    if (status == 401 || status == 403) {
        o.state = KeyState::Invalid;
        o.message = QStringLiteral("%1 rejected the key (%2)%3.").arg(name).arg(status).arg(saidPart);
        return o;
    }
    const QString type = error.value(QLatin1String("type")).toString() + QLatin1Char(' ') +
                         error.value(QLatin1String("code")).toString();
    if (status == 429) {
        bool isNumber = false;
        const int seconds = retryAfter.trimmed().toInt(&isNumber);
        if (isNumber && !type.contains(QLatin1String("insufficient_quota"))) {
            o.retryAfterSeconds = seconds;
            o.message = QStringLiteral("%1 is limiting requests; check again in %2 seconds.").arg(name).arg(seconds);
        } else {
            o.message = QStringLiteral("The %1 account behind this key is out of budget or over its spend limit%2.")
                            .arg(name, saidPart);
        }
        return o;
    }
    if (status >= 500) {
        o.message = QStringLiteral("%1 is %2 (%3); the key is kept and can be checked again.")
                        .arg(name, status == 529 ? QStringLiteral("overloaded") : QStringLiteral("having trouble"))
                        .arg(status);
        return o;
    }
    o.message = QStringLiteral("%1 answered %2%3; the key is kept and can be checked again.").arg(name).arg(status).arg(saidPart);
    return o;
}
