#include "rules/Identifiers.h"

#include <QTest>

// The ids the ledger accepts: tenants and events, character by character and at their length bounds.
class TestIdentifiers : public QObject
{
    Q_OBJECT

private slots:
    void tenantIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("acme") << true;
        QTest::newRow("with . _ -") << QStringLiteral("acme.eu_2-b") << true;
        QTest::newRow("a digit first") << QStringLiteral("9lives") << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("punctuation first") << QStringLiteral("-acme") << false;
        QTest::newRow("a dot first") << QStringLiteral(".acme") << false;
        QTest::newRow("a space") << QStringLiteral("ac me") << false;
        QTest::newRow("a final newline") << QStringLiteral("acme\n") << false;
        QTest::newRow("a colon") << QStringLiteral("ac:me") << false;
        QTest::newRow("a letter outside ASCII") << QStringLiteral("acmé") << false;
        QTest::newRow("a NUL") << QStringLiteral("ac") + QChar(0) + QStringLiteral("me") << false;
    }
    void tenantIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(Identifiers::isValidTenantId(id), valid);
    }

    void eventIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("a UUID") << QStringLiteral("392456de-3eb1-4b90-8668-5257bdd640fb") << true;
        QTest::newRow("every punctuation allowed") << QStringLiteral("a.b_c:d@e/f+g=h-i") << true;
        QTest::newRow("punctuation first") << QStringLiteral("-1") << true;
        QTest::newRow("one character") << QStringLiteral("x") << true;
        QTest::newRow("128 characters") << QString(128, QLatin1Char('7')) << true;
        QTest::newRow("129 characters") << QString(129, QLatin1Char('7')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("a space") << QStringLiteral("a b") << false;
        QTest::newRow("a comma") << QStringLiteral("a,b") << false;
        QTest::newRow("a quote") << QStringLiteral("a\"b") << false;
        QTest::newRow("a final newline") << QStringLiteral("abc\n") << false;
        QTest::newRow("a letter outside ASCII") << QStringLiteral("é") << false;
        QTest::newRow("a NUL") << QStringLiteral("a") + QChar(0) << false;
    }
    void eventIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(Identifiers::isValidEventId(id), valid);
    }
};

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "tst_identifiers.moc"
