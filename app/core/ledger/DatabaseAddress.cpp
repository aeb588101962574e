#include "ledger/DatabaseAddress.h"

#include "support/Text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseAddress)
};
} // namespace

bool DatabaseAddress::looksLikeUri(const QString& text)
{
    return text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
}

Result<DatabaseAddress> DatabaseAddress::parse(const QString& text)
{
    DatabaseAddress a;
    a.text = text;
    if (!looksLikeUri(text)) {
        a.path = text;
        return a;
    }
    a.postgres = true;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badInput(Words::tr("%1 is not a PostgreSQL connection URI such as "
                                  "postgresql://user@host:5432/aisettings.")
                            .arg(Text::quoted(QUrl(text).toDisplayString(QUrl::RemovePassword | QUrl::RemoveQuery))));
    if (!url.password().isEmpty())
        return badInput(Words::tr("The database address must not carry a password; put it in ~/.pgpass or "
                                  "PGPASSWORD, where libpq reads it."));
    a.host = url.host();
    a.port = url.port(-1);
    a.user = url.userName();
    a.database = url.path().mid(1);
    // Keywords and values go to libpq as "key=value" words: a value with a space, quote or separator would
    // change the words, so only plain values are taken.
    static const QRegularExpression keyword(QStringLiteral("\\A[a-z_]{1,40}\\z"));
    static const QRegularExpression plain(QStringLiteral("\\A[^\\s'\\\\;=]{0,400}\\z"));
    QStringList options;
    bool timeoutGiven = false;
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        // A secret is refused before anything else is said about it, and never repeated.
        if (key == QLatin1String("password"))
            return badInput(Words::tr("The database address must not carry a password; put it in ~/.pgpass or "
                                      "PGPASSWORD, where libpq reads it."));
        if (key.contains(QLatin1String("password"), Qt::CaseInsensitive))
            return badInput(Words::tr("The database address must not carry the passphrase of a key (%1); use a key "
                                      "file that only you can read, or enter the passphrase when libpq asks for it.")
                                .arg(Text::quoted(key.left(40))));
        if (!keyword.match(key).hasMatch() || !plain.match(value).hasMatch())
            return badInput(Words::tr("The connection parameter %1 is not a libpq keyword with a plain value.")
                                .arg(Text::quoted(key)));
        if (key == QLatin1String("host"))
            a.host = value;
        else if (key == QLatin1String("port"))
            a.port = value.toInt();
        else if (key == QLatin1String("user"))
            a.user = value;
        else if (key == QLatin1String("dbname"))
            a.database = value;
        else
            options << key + QLatin1Char('=') + value;
        timeoutGiven = timeoutGiven || key == QLatin1String("connect_timeout");
    }
    // Every wait is bounded: a server that does not answer is reported, not waited for forever.
    if (!timeoutGiven)
        options << QStringLiteral("connect_timeout=10");
    // The server's logs and pg_stat_activity name the program.
    options << QStringLiteral("application_name=ai-settings");
    a.options = options.join(QLatin1Char(';'));
    return a;
}
