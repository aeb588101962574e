#include "TestSupport.h"

#include "formats/CsvRecords.h"
#include "formats/ParseInHalves.h"
#include "formats/UsageFile.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <mutex>

using UsageFile::Format;

class TestUsageFile : public QObject
{
    Q_OBJECT

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void csvWithQuotesCrLfBomAndOtherColumnOrder()
    {
        const QByteArray text = "\xEF\xBB\xBF"
                                "occurred_at,id,tenant,action,model,billing,credits\r\n"
                                "2026-11-02T09:00:00Z,a-1,acme,content,claude-opus-4-6,credits,\r\n"
                                "2026-11-02T09:05:00+01:00,\"a-2\",\"\",image,,byok,0\r\n"
                                "\r\n"
                                "2026-11-03T00:00:00Z,a-3,beta,theme,,credits,7\n";
        const auto rows = UsageFile::parse(text, Format::Csv);
        QVERIFY2(rows.ok(), qPrintable(rows.failure().message));
        QCOMPARE(rows->size(), 3);
        const UsageEvent& first = rows->at(0).event;
        QCOMPARE(first.id, QStringLiteral("a-1"));
        QCOMPARE(first.tenant, QStringLiteral("acme"));
        QCOMPARE(first.model, QStringLiteral("claude-opus-4-6"));
        QVERIFY(!rows->at(0).creditsGiven);
        QCOMPARE(rows->at(1).event.occurredAt, TestSupport::at("2026-11-02T08:05:00Z"));
        QCOMPARE(rows->at(1).event.billing, CreditRules::Billing::Byok);
        QVERIFY(rows->at(1).event.tenant.isEmpty());
        QCOMPARE(rows->at(2).line, 5);
        QVERIFY(rows->at(2).creditsGiven);
        QCOMPARE(rows->at(2).event.credits, 7);
    }

    void badLinesNameTheirNumber_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray header = "id,occurred_at,tenant,action,model,billing,credits\n";
        const QByteArray good = "g,2026-11-02T09:00:00Z,,theme,,credits,\n";
        const int csv = int(Format::Csv), jsonl = int(Format::JsonLines);
        QTest::newRow("missing column") << csv << QByteArray("id,occurred_at,tenant,action,model,billing\n")
                                        << "Line 1: the header lacks the column \"credits\"";
        QTest::newRow("unknown column") << csv
                                        << QByteArray("id,occurred_at,tenant,action,model,billing,credits,cost\n")
                                        << "Line 1: the header column \"cost\" is unknown";
        QTest::newRow("too few fields") << csv << header + good + "x,2026-11-02T09:00:00Z,,theme\n"
                                        << "Line 3: expected 7 fields, found 4";
        QTest::newRow("bad time") << csv
                                  << header + good + QByteArray(good).replace("g,", "h,") +
                                         "x,yesterday,,theme,,credits,\n"
                                  << "Line 4: occurred_at \"yesterday\" is not an ISO 8601 time";
        QTest::newRow("no zone") << csv << header + "x,2026-11-02T09:00:00,,theme,,credits,\n"
                                 << "Line 2: occurred_at";
        QTest::newRow("bad billing") << csv << header + "x,2026-11-02T09:00:00Z,,theme,,free,\n"
                                     << "Line 2: billing \"free\" is neither credits nor byok";
        QTest::newRow("negative credits") << csv << header + "x,2026-11-02T09:00:00Z,,theme,,credits,-3\n"
                                          << "Line 2: credits \"-3\" is not a whole number";
        QTest::newRow("empty id") << csv << header + ",2026-11-02T09:00:00Z,,theme,,credits,\n"
                                  << "Line 2: the id is empty";
        QTest::newRow("open quote") << csv << header + "\"x,2026-11-02T09:00:00Z,,theme,,credits,\n"
                                    << "Line 2: the field id is not valid CSV: its quote is never closed";
        QTest::newRow("line after multi-line field")
            << csv << header + good + "x,2026-11-02T09:00:00Z,\"a,\n\",theme,,credits,\nz,nope,,theme,,credits,\n"
            << "Line 3: the field tenant holds a control character (\\n)";
        // RFC 4180, strictly (defect 4 of the hardening issue).
        QTest::newRow("text after closing quote")
            << csv << header + "x,2026-11-02T09:00:00Z,\"acme\"x,theme,,credits,\n"
            << "Line 2: the field tenant is not valid CSV: text follows its closing quote";
        QTest::newRow("quote inside plain field")
            << csv << header + "x,2026-11-02T09:00:00Z,ac\"me,theme,,credits,\n"
            << "Line 2: the field tenant is not valid CSV: it has a quote but is not quoted as a whole";
        QTest::newRow("NUL in credits") << csv
                                        << header + QByteArray("x,2026-11-02T09:00:00Z,,theme,,credits,5\0\n", 42)
                                        << "Line 2: the field credits holds a control character (\\x00)";
        QTest::newRow("escape in tenant") << csv << header + "x,2026-11-02T09:00:00Z,\x1b]0;owned\x07,theme,,credits,\n"
                                          << "Line 2: the field tenant holds a control character (\\x1b)";
        QTest::newRow("quoted newline in id") << csv << header + "\"r1\n\",2026-11-02T09:00:00Z,,theme,,credits,\n"
                                              << "Line 2: the field id holds a control character (\\n)";
        QTest::newRow("bad UTF-8 in csv") << csv << header + "x,2026-11-02T09:00:00Z,ac\xffme,theme,,credits,\n"
                                          << "Line 2: the field tenant is not valid UTF-8";
        QTest::newRow("credits with sign") << csv << header + "x,2026-11-02T09:00:00Z,,theme,,credits,+5\n"
                                           << "Line 2: credits \"+5\" is not a whole number";
        QTest::newRow("jsonl not json") << jsonl
                                        << QByteArray("{\"id\":\"a\",\"occurred_at\":\"2026-11-02T09:00:00Z\","
                                                      "\"action\":\"theme\",\"billing\":\"credits\"}\n{oops\n")
                                        << "Line 2: not valid JSON (";
        QTest::newRow("jsonl unknown field")
            << jsonl << QByteArray("{\"id\":\"a\",\"when\":\"x\"}\n") << "Line 1: unknown field \"when\"";
        QTest::newRow("jsonl wrong type") << jsonl
                                          << QByteArray("{\"id\":\"a\",\"occurred_at\":\"2026-11-02T09:00:00Z\","
                                                        "\"action\":\"theme\",\"billing\":\"credits\",\"tenant\":7}\n")
                                          << "Line 1: the field tenant must be text in quotes";
        QTest::newRow("jsonl fractional credits")
            << jsonl
            << QByteArray("{\"id\":\"a\",\"occurred_at\":\"2026-11-02T09:00:00Z\",\"action\":\"theme\",\"billing\":"
                          "\"credits\",\"credits\":1.5}\n")
            << "Line 1: the field credits must be a whole number";
        // Strict JSON Lines (defect 5 of the hardening issue): typed fields, and the field that is wrong.
        const QByteArray jsonStart =
            "{\"id\":\"a\",\"occurred_at\":\"2026-11-02T09:00:00Z\",\"action\":\"theme\",\"billing\":\"credits\"";
        QTest::newRow("jsonl credits as text") << jsonl << jsonStart + ",\"credits\":\"5\"}\n"
                                               << "Line 1: the field credits must be a whole number";
        QTest::newRow("jsonl credits with exponent") << jsonl << jsonStart + ",\"credits\":2e0}\n"
                                                     << "Line 1: the field credits must be a whole number";
        QTest::newRow("jsonl credits 5.0") << jsonl << jsonStart + ",\"credits\":5.0}\n"
                                           << "Line 1: the field credits must be a whole number";
        QTest::newRow("jsonl negative credits") << jsonl << jsonStart + ",\"credits\":-5}\n"
                                                << "Line 1: credits \"-5\" is not a whole number";
        QTest::newRow("jsonl bad UTF-8") << jsonl << jsonStart + ",\"tenant\":\"ac\xc3(me\"}\n"
                                         << "Line 1: the field tenant is not valid UTF-8";
        QTest::newRow("jsonl field twice") << jsonl << jsonStart + ",\"credits\":5,\"credits\":0}\n"
                                           << "Line 1: the field \"credits\" is given twice";
        QTest::newRow("jsonl field twice, escaped")
            << jsonl << jsonStart + ",\"tenant\":\"a\",\"t\\u0065nant\":\"b\"}\n"
            << "Line 1: the field \"tenant\" is given twice";
        QTest::newRow("jsonl array") << jsonl << QByteArray("[1,2]\n")
                                     << "Line 1: expected a JSON object, found an array";
        QTest::newRow("jsonl number") << jsonl << QByteArray("42\n") << "Line 1: ";
        QTest::newRow("jsonl escape in tenant") << jsonl << jsonStart + ",\"tenant\":\"\\u001b[2J\"}\n"
                                                << "Line 1: the field tenant holds a control character (\\x1b)";
        QTest::newRow("jsonl newline in id") << jsonl
                                             << QByteArray("{\"id\":\"r1\\n\",\"occurred_at\":\"2026-11-02T09:00:00Z\","
                                                           "\"action\":\"theme\",\"billing\":\"credits\"}\n")
                                             << "Line 1: the field id holds a control character (\\n)";
    }

    void badLinesNameTheirNumber()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto rows = UsageFile::parse(text, Format(format));
        QVERIFY(!rows.ok());
        QCOMPARE(rows.failure().kind, Failure::BadInput);
        QVERIFY2(rows.failure().message.startsWith(expected), qPrintable(rows.failure().message));
        QVERIFY(rows.failure().message.endsWith(QStringLiteral("nothing was imported.")));
    }

    void csvRecordsEndOnlyOutsideQuotes()
    {
        const QByteArray text = "a,\"b\nc\",d\n\"x\"\"\ny\",z\nlast\n";
        const qsizetype first = text.indexOf("d\n") + 2, second = text.indexOf("z\n") + 2;
        QCOMPARE(UsageFile::csvRecordEndAfter(text, 0, 0), first);
        QCOMPARE(UsageFile::csvRecordEndAfter(text, 0, text.indexOf('c')), first);         // inside a quoted line break
        QCOMPARE(UsageFile::csvRecordEndAfter(text, 0, text.indexOf("\"\"") + 2), second); // after a doubled quote
        QCOMPARE(UsageFile::csvRecordEndAfter(text, first, text.indexOf("last")), text.size());
        QCOMPARE(UsageFile::csvRecordEndAfter(QByteArray("a,b"), 0, 1), qsizetype(-1));
    }

    // Each line "ok" or "bad" is a row numbered by its line; "bad" fails the range.
    void halvesSplitAtARecordAndFallBackToOnePass()
    {
        std::mutex guard;
        QVector<QPair<qsizetype, qsizetype>> ranges;
        QByteArray text;
        for (int i = 0; i < 10; ++i)
            text += i == 7 ? "bad\n" : "ok\n";
        const auto parse = [&](qsizetype b, qsizetype e, int before, qsizetype) -> Result<QVector<ImportRow>> {
            {
                const std::lock_guard<std::mutex> lock(guard);
                ranges.append({b, e});
            }
            QVector<ImportRow> rows;
            for (const QByteArray& line : text.mid(b, e - b).split('\n')) {
                if (line.isEmpty())
                    continue;
                if (line == "bad")
                    return badInput(QStringLiteral("Line %1 is bad").arg(before + 1));
                ImportRow row;
                row.line = ++before;
                rows.append(row);
            }
            return rows;
        };
        const auto lineEnd = [&](qsizetype from) { return text.indexOf('\n', from) + 1; };
        // The bad line in the second half: both halves, then one pass, whose answer names the line.
        auto rows = UsageFile::parseInHalves(text, 0, 0, lineEnd, parse, 1);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.failure().message, QStringLiteral("Line 8 is bad"));
        QCOMPARE(ranges.size(), 3);
        QVERIFY(ranges.contains({0, 18}) && ranges.contains({18, text.size()}));
        QCOMPARE(ranges.last(), (QPair<qsizetype, qsizetype>(0, text.size())));
        // Without it: two ranges, and the rows in order with the numbers of their lines.
        text.replace("bad", "ok!");
        ranges.clear();
        rows = UsageFile::parseInHalves(text, 0, 0, lineEnd, parse, 1);
        QVERIFY2(rows.ok(), qPrintable(rows.failure().message));
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(rows->size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(rows->at(i).line, i + 1);
    }

    // Past 4 MiB a file is parsed in halves on two threads: the rows, their line numbers and the first bad line
    // are what one pass gives.
    void largeFilesGiveWhatOnePassGives_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("badLine"); // 0: none
        QTest::addColumn<QString>("expected");
        const int csv = int(Format::Csv), jsonl = int(Format::JsonLines);
        QTest::newRow("csv") << csv << 0 << QString();
        QTest::newRow("jsonl") << jsonl << 0 << QString();
        QTest::newRow("csv, bad line in the second half") << csv << 70001 << "Line 70001: expected 7 fields, found 2";
        QTest::newRow("csv, bad line in the first half") << csv << 1001 << "Line 1001: expected 7 fields, found 2";
        QTest::newRow("jsonl, bad line in the second half") << jsonl << 70001 << "Line 70001: not valid JSON (";
        QTest::newRow("csv, bad line in a later piece") << csv << 190001 << "Line 190001: expected 7 fields, found 2";
        QTest::newRow("jsonl, bad line in a later piece") << jsonl << 190001 << "Line 190001: not valid JSON (";
    }

    void largeFilesGiveWhatOnePassGives()
    {
        QFETCH(int, format);
        QFETCH(int, badLine);
        QFETCH(QString, expected);
        const bool csv = Format(format) == Format::Csv;
        // 200,000 events, a blank line after every 5,000th, and every tenth id with a comma and a quote in it: more
        // than one piece of the Reader.
        QByteArray text = csv ? "id,occurred_at,tenant,action,model,billing,credits\n" : "";
        QVector<int> lineOf;
        QVector<QString> idOf;
        int line = csv ? 1 : 0;
        for (int i = 0; i < 200000; ++i) {
            const QString id = i % 10 ? QStringLiteral("id-%1").arg(i) : QStringLiteral("q,\"%1").arg(i);
            ++line;
            if (line == badLine) {
                text += csv ? "x,y\n" : "{oops\n";
                ++line;
            }
            if (csv)
                text += UsageFile::csvField(id) + ",2026-11-02T09:00:00Z,acme,theme,,credits,5\n";
            else
                text += "{\"id\":" + QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
                        ",\"occurred_at\":\"2026-11-02T09:00:00Z\",\"tenant\":\"acme\",\"action\":\"theme\","
                        "\"billing\":\"credits\",\"credits\":5}\n";
            lineOf << line;
            idOf << id;
            if (i % 5000 == 4999) {
                text += "\n";
                ++line;
            }
        }
        QVERIFY(text.size() > UsageFile::Reader::pieceBytes); // past the size parsed in halves, and a piece
        // The same text read from a file a piece at a time gives the same rows, or the same first bad line.
        QTemporaryDir dir;
        const QString path = dir.filePath(csv ? QStringLiteral("events.csv") : QStringLiteral("events.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("\xEF\xBB\xBF" + text) == text.size() + 3);
        file.close();
        auto reader = UsageFile::Reader::open(path);
        QVERIFY2(reader.ok(), qPrintable(reader.failure().message));
        Result<QVector<ImportRow>> piecewise = QVector<ImportRow>();
        int pieces = 0;
        for (;;) {
            auto piece = reader.value()->next();
            if (!piece) {
                piecewise = piece.failure();
                break;
            }
            if (piece->isEmpty())
                break;
            ++pieces;
            piecewise->append(piece.value());
        }
        QVERIFY(!piecewise.ok() || pieces > 1);
        if (piecewise.ok()) // the BOM and the header count as read
            QCOMPARE(reader.value()->permille(), 1000);
        const auto rows = UsageFile::parse(text, Format(format));
        QCOMPARE(piecewise.ok(), rows.ok());
        if (!rows.ok())
            QCOMPARE(piecewise.failure().message, rows.failure().message);
        else
            for (int i = 0; i < rows->size(); ++i)
                QVERIFY(piecewise->at(i).line == rows->at(i).line && piecewise->at(i).event.id == rows->at(i).event.id);
        if (badLine) {
            QVERIFY(!rows.ok());
            QVERIFY2(rows.failure().message.startsWith(expected), qPrintable(rows.failure().message));
            QVERIFY(rows.failure().message.endsWith(QStringLiteral("; nothing was imported.")));
            return;
        }
        QVERIFY2(rows.ok(), qPrintable(rows.failure().message));
        QCOMPARE(rows->size(), idOf.size());
        for (int i = 0; i < idOf.size(); ++i) {
            if (rows->at(i).event.id != idOf[i] || rows->at(i).line != lineOf[i])
                QFAIL(qPrintable(QStringLiteral("row %1: %2 on line %3, expected %4 on line %5")
                                     .arg(i)
                                     .arg(rows->at(i).event.id)
                                     .arg(rows->at(i).line)
                                     .arg(idOf[i])
                                     .arg(lineOf[i])));
            QCOMPARE(rows->at(i).event.credits, 5);
        }
    }

    void writerOutputParsesBackToTheSameEvents_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << int(Format::Csv);
        QTest::newRow("jsonl") << int(Format::JsonLines);
    }

    void writerOutputParsesBackToTheSameEvents()
    {
        QFETCH(int, format);
        const QVector<UsageEvent> events = {
            {QStringLiteral("id,with\"quote"), TestSupport::at("2026-11-02T09:00:00.125Z"), QStringLiteral("acme"),
             QStringLiteral("content"), QStringLiteral("claude-opus-4-6"), CreditRules::Billing::Credits, 10},
            {QStringLiteral("b"), TestSupport::at("1999-12-31T23:59:59Z"), QString(), QStringLiteral("image"),
             QString(), CreditRules::Billing::Byok, 0},
        };
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        UsageFile::Writer writer(buffer, Format(format));
        for (const UsageEvent& e : events)
            writer.write(e);
        const auto rows = UsageFile::parse(buffer.data(), Format(format));
        QVERIFY2(rows.ok(), qPrintable(rows.failure().message));
        QCOMPARE(rows->size(), events.size());
        for (int i = 0; i < events.size(); ++i) {
            const UsageEvent& e = rows->at(i).event;
            QCOMPARE(e.id, events[i].id);
            QCOMPARE(e.occurredAt, events[i].occurredAt);
            QCOMPARE(e.tenant, events[i].tenant);
            QCOMPARE(e.action, events[i].action);
            QCOMPARE(e.model, events[i].model);
            QCOMPARE(e.billing, events[i].billing);
            QCOMPARE(e.credits, events[i].credits);
            QVERIFY(rows->at(i).creditsGiven);
        }
    }

    void formatFromExtension()
    {
        QCOMPARE(UsageFile::formatForPath(QStringLiteral("/x/usage.CSV")), Format::Csv);
        QCOMPARE(UsageFile::formatForPath(QStringLiteral("usage.jsonl")), Format::JsonLines);
        QCOMPARE(UsageFile::formatForPath(QStringLiteral("usage.ndjson")), Format::JsonLines);
        QVERIFY(!UsageFile::formatForPath(QStringLiteral("usage.xlsx")));
    }
};

QTEST_APPLESS_MAIN(TestUsageFile)
#include "tst_usagefile.moc"
