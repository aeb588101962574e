// record: authorise and record AI queries, one from the options, or a stream of them from standard input.
#include "CliSupport.h"

#include "formats/JsonKeys.h"
#include "support/IsoTime.h"
#include "support/Text.h"
#include "words/KeySentences.h"
#include "words/UsageSentences.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cerrno>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace Cli {

namespace {

// The longest line `record --stdin` reads; an event is a few hundred bytes.
constexpr qint64 maxLineBytes = 64 * 1024;

const char* const streamFields[] = {"action", "tenant", "at", "id"};

// One line of `record --stdin` as a request, or why it is not one (bad input, exit class 2).
Result<RecordRequest> requestFromLine(const QByteArray& line)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return badInput(Words::tr("The line is not a JSON object (%1).").arg(error.errorString()));
    if (!doc.isObject())
        return badInput(Words::tr("The line is JSON, but not an object; an event is one object per line."));
    if (const auto twice = JsonKeys::repeated(line))
        return badInput(Words::tr("The field %1 is given twice.").arg(Text::quoted(*twice)));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const char* field : streamFields)
            known = known || it.key() == QLatin1String(field);
        if (!known)
            return badInput(
                Words::tr("Unknown field %1; an event has action, tenant, at and id.").arg(Text::quoted(it.key())));
        if (!it.value().isString())
            return badInput(Words::tr("The field %1 must be a string.").arg(Text::quoted(it.key())));
    }
    if (!o.contains(QLatin1String("action")))
        return badInput(Words::tr("The event has no action."));
    RecordRequest request{o.value(QLatin1String("action")).toString(), o.value(QLatin1String("tenant")).toString(),
                          std::nullopt, o.value(QLatin1String("id")).toString()};
    if (o.contains(QLatin1String("at"))) {
        const QString at = o.value(QLatin1String("at")).toString();
        request.at = IsoTime::parse(at);
        if (!request.at)
            return badInput(Words::tr("at %1 is not an ISO 8601 time with Z or an offset.").arg(Text::quoted(at)));
    }
    return request;
}

// The answer line for one event: what was charged, or the refusal with its exit-code class and sentence.
QJsonObject answerJson(const QString& id, const Result<RecordOutcome>& outcome)
{
    QJsonObject answer{{QStringLiteral("id"), id.isEmpty() ? QJsonValue() : QJsonValue(id)}};
    if (!outcome) {
        answer.insert(QStringLiteral("ok"), false);
        answer.insert(QStringLiteral("exit"), int(outcome.failure().kind));
        answer.insert(QStringLiteral("error"), outcome.failure().message);
        return answer;
    }
    const RecordOutcome& o = outcome.value();
    answer.insert(QStringLiteral("id"), o.event.id);
    answer.insert(QStringLiteral("ok"), true);
    answer.insert(QStringLiteral("billing"), CreditRules::billingId(o.event.billing));
    answer.insert(QStringLiteral("credits"), o.event.credits);
    answer.insert(QStringLiteral("already_recorded"), o.alreadyRecorded);
    answer.insert(QStringLiteral("period"), o.period.id());
    answer.insert(QStringLiteral("remaining"), o.remaining);
    return answer;
}

// Standard input as lines, handing over every complete line that has arrived: a writer that sends many events
// at once gets them recorded in one transaction; one that waits for each answer gets each recorded at once.
class LineReader
{
public:
    // Blocks until at least one line (or the end of input) arrives; empty at the end.
    QList<QByteArray> nextLines()
    {
        while (true) {
            QList<QByteArray> lines;
            qsizetype start = 0;
            // The limit holds however the lines arrive: a long line that came whole in one read is refused as one
            // that came in pieces is (a null line stands for it).
            for (qsizetype end; (end = m_buffer.indexOf('\n', start)) >= 0 && lines.size() < maxBatch; start = end + 1)
                lines << (end - start > maxLineBytes ? QByteArray() : m_buffer.mid(start, end - start));
            if (!lines.isEmpty() || m_ended) {
                m_buffer.remove(0, start);
                if (lines.isEmpty() && !m_buffer.isEmpty()) { // a last line without its newline
                    const QByteArray last = std::exchange(m_buffer, {});
                    lines << (last.size() > maxLineBytes ? QByteArray() : last);
                }
                return lines;
            }
            if (m_buffer.size() > maxLineBytes) {
                m_buffer.clear(); // the rest of the overlong line is skipped up to its newline
                m_skipping = true;
                return {QByteArray()};
            }
            char chunk[65536];
            const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                m_ended = true;
                continue;
            }
            m_buffer.append(chunk, got);
            if (m_skipping) {
                const qsizetype newline = m_buffer.indexOf('\n');
                m_buffer = newline < 0 ? QByteArray() : m_buffer.mid(newline + 1);
                m_skipping = newline < 0;
            }
        }
    }

private:
    static constexpr int maxBatch = 1000;
    QByteArray m_buffer;
    bool m_ended = false;
    bool m_skipping = false;
};

// Reads JSON Lines until the end of input, answering each batch of lines as soon as it is recorded, on one
// connection.
int recordStream(Context& context, Ledger& ledger)
{
    ledger.checkpointInBackground(); // a checkpoint would hold up the answer to the event whose commit filled the log
    LineReader reader;
    qint64 lineNumber = 0;
    for (QList<QByteArray> lines = reader.nextLines(); !lines.isEmpty(); lines = reader.nextLines()) {
        QVector<Result<RecordOutcome>> outcomes;
        QVector<QString> ids;
        QVector<qint64> numbers;
        QVector<RecordRequest> requests;
        QVector<qsizetype> requestIndex; // outcome slot of each request
        for (const QByteArray& line : lines) {
            ++lineNumber;
            if (line.trimmed().isEmpty() && !line.isNull())
                continue;
            numbers << lineNumber;
            ids << QString();
            if (line.isNull()) {
                outcomes << Result<RecordOutcome>(
                    badInput(Words::tr("The line is longer than %1 bytes.").arg(maxLineBytes)));
                continue;
            }
            const auto request = requestFromLine(line);
            outcomes << (request ? Result<RecordOutcome>(unavailable(QString()))
                                 : Result<RecordOutcome>(request.failure()));
            if (request) {
                ids.last() = request->id;
                requests << request.value();
                if (requests.last().id.isEmpty()) { // an id of its own, so that a retry cannot charge twice
                    requests.last().id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    requests.last().newId = true;
                }
                requestIndex << outcomes.size() - 1;
            }
        }
        QElapsedTimer batchTime;
        batchTime.start();
        auto recorded = ledger.usage().recordAll(requests);
        // The server went away during the batch (a restart, a crash): nothing of it was committed, or all of it
        // was and the answer was lost. Its events go again on a new connection, with the ids they had, so that
        // what was committed is answered as already recorded and nothing is charged twice; should the server not
        // come back within the wait, each line is answered with why.
        const bool lost = std::any_of(recorded.begin(), recorded.end(),
                                      [](const Result<RecordOutcome>& r) { return !r && r.failure().connectionLost; });
        // (Unless the batch's start already waited the whole bound for the server in vain.)
        if ((lost || ledger.connectionLost()) && batchTime.elapsed() < ledger.reconnectWait()) {
            for (RecordRequest& r : requests)
                r.newId = false;
            recorded = ledger.usage().recordAll(requests);
        }
        for (qsizetype i = 0; i < recorded.size(); ++i)
            outcomes[requestIndex[i]] = recorded[i];
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            QJsonObject answer = answerJson(ids[i], outcomes[i]);
            answer.insert(QStringLiteral("line"), numbers[i]);
            context.out << QJsonDocument(answer).toJson(QJsonDocument::Compact) << '\n';
        }
        context.out.flush(); // a server waits for these answers before it runs the actions
    }
    return Done;
}

} // namespace

int record(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption actionOption(QStringLiteral("action"), {}, QStringLiteral("A"));
    const QCommandLineOption tenantOption(QStringLiteral("tenant"), {}, QStringLiteral("T"));
    const QCommandLineOption atOption(QStringLiteral("at"), {}, QStringLiteral("ISO8601"));
    const QCommandLineOption idOption(QStringLiteral("id"), {}, QStringLiteral("ID"));
    const QCommandLineOption stdinOption(QStringLiteral("stdin"));
    parser.addOptions({actionOption, tenantOption, atOption, idOption, stdinOption});
    if (const auto exit = parseArguments(context, parser, arguments, "record"))
        return *exit;
    if (parser.isSet(stdinOption)) {
        if (parser.isSet(actionOption) || parser.isSet(tenantOption) || parser.isSet(atOption) ||
            parser.isSet(idOption) || !parser.positionalArguments().isEmpty())
            return context.usageError(
                Words::tr("record --stdin takes its events from standard input, not from options."),
                QStringLiteral("record"));
        Ledger* ledger = context.ledger();
        if (!ledger)
            return context.openFailure;
        return recordStream(context, *ledger);
    }
    if (!parser.isSet(actionOption) || !parser.positionalArguments().isEmpty())
        return context.usageError(Words::tr("record needs --action (or --stdin) and takes no other arguments."),
                                  QStringLiteral("record"));
    RecordRequest request{parser.value(actionOption), parser.value(tenantOption), std::nullopt, parser.value(idOption)};
    if (parser.isSet(atOption)) {
        request.at = IsoTime::parse(parser.value(atOption));
        if (!request.at)
            return context.usageError(Words::tr("--at %1 is not an ISO 8601 time with Z or an offset, "
                                                "such as 2026-11-22T10:30:00Z.")
                                          .arg(Text::quoted(parser.value(atOption))),
                                      QStringLiteral("record"));
    }
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    const auto outcome = ledger->usage().record(request);
    if (!outcome)
        return context.fail(outcome.failure());
    const UsageEvent& e = outcome->event;
    const Action* action = context.catalog.action(e.action);
    const QString who = KeySentences::scope(e.tenant);
    const QString actionName = shownText(action->name);
    const QString providerName = context.catalog.provider(action->provider)->name;
    if (outcome->alreadyRecorded)
        context.out << Words::tr("Event %1 was already recorded; nothing was charged again.").arg(e.id);
    else if (e.billing == CreditRules::Billing::Byok && outcome->source == KeySource::Tenant)
        context.out << Words::tr("Recorded %1 for %2 on the tenant's %3 key (BYOK, 0 credits); id %4.")
                           .arg(actionName, who, providerName, e.id);
    else if (e.billing == CreditRules::Billing::Byok)
        context.out << Words::tr("Recorded %1 for %2 on the install's %3 key (BYOK, 0 credits); id %4.")
                           .arg(actionName, who, providerName, e.id);
    else
        context.out << Words::tr("Recorded %1 for %2: %3; id %4.")
                           .arg(actionName, who, UsageSentences::credits(e.credits), e.id);
    context.out << '\n'
                << Words::tr("%1 of %2 credits remain in the period %3.")
                       .arg(formatCredits(outcome->remaining), formatCredits(outcome->allocation), outcome->period.id())
                << '\n';
    return Done;
}

} // namespace Cli
