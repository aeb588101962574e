#include "TestSupport.h"

#include "keys/KeyVault.h"

#include <qt6keychain/keychain.h>

#include <QUuid>

// The key vault against the real Secret Service that scripts/run-tests.sh starts, and its error sentences.
class TestKeyVault : public QObject
{
    Q_OBJECT

private:
    KeyVault m_vault;
    const QString m_install = QUuid::createUuid().toString(QUuid::WithoutBraces);

    template <typename Value, typename Start> Value await(Start start)
    {
        std::optional<Value> answer;
        start([&](Value value) { answer = std::move(value); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
            qFatal("the keychain operation never answered");
        return std::move(*answer);
    }

    Status save(const KeyEntry& e, const QString& key)
    {
        return await<Status>([&](auto done) { m_vault.save(e, key, done); });
    }
    Result<std::optional<QString>> read(const KeyEntry& e)
    {
        return await<Result<std::optional<QString>>>([&](auto done) { m_vault.read(e, done); });
    }
    Status remove(const KeyEntry& e)
    {
        return await<Status>([&](auto done) { m_vault.remove(e, done); });
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void entriesAreNamedPerDatabaseTenantAndProvider()
    {
        QCOMPARE((KeyEntry{QStringLiteral("id1"), {}, QStringLiteral("anthropic")}.account()),
                 QStringLiteral("id1/install/anthropic"));
        QCOMPARE((KeyEntry{QStringLiteral("id1"), QStringLiteral("acme"), QStringLiteral("openai")}.account()),
                 QStringLiteral("id1/tenant/acme/openai"));
    }

    void savesReadsReplacesAndRemoves()
    {
        const KeyEntry install{m_install, {}, QStringLiteral("anthropic")};
        const KeyEntry tenant{m_install, QStringLiteral("acme"), QStringLiteral("anthropic")};
        QCOMPARE(read(install).value(), std::nullopt);
        QVERIFY(save(install, QStringLiteral("sk-ant-first-key-0001")).ok());
        QVERIFY(save(tenant, QStringLiteral("sk-ant-tenant-key-0002")).ok());
        QCOMPARE(read(install).value(), std::optional(QStringLiteral("sk-ant-first-key-0001")));
        QVERIFY(save(install, QStringLiteral("sk-ant-second-key-0003")).ok());
        QCOMPARE(read(install).value(), std::optional(QStringLiteral("sk-ant-second-key-0003")));
        QCOMPARE(read(tenant).value(), std::optional(QStringLiteral("sk-ant-tenant-key-0002")));
        QVERIFY(remove(install).ok());
        QCOMPARE(read(install).value(), std::nullopt);
        QCOMPARE(read(tenant).value(), std::optional(QStringLiteral("sk-ant-tenant-key-0002")));
        QVERIFY(remove(install).ok()); // nothing there: still fine
        QVERIFY(remove(tenant).ok());
    }

    void answersLaterNeverDuringTheCall()
    {
        bool answered = false;
        m_vault.read(KeyEntry{m_install, {}, QStringLiteral("openai")}, [&](auto) { answered = true; });
        QVERIFY(!answered);
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    }

    void everyBackendErrorIsOneSentence_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sentence");
        const int save = int(KeyVault::Operation::Save);
        const int remove = int(KeyVault::Operation::Remove);
        QTest::newRow("no Secret Service")
            << save << int(QKeychain::OtherError)
            << "The name org.freedesktop.secrets was not provided by any .service files"
            << "The key could not be saved: no keychain service is running (on Linux, start GNOME Keyring or KWallet).";
        QTest::newRow("no backend")
            << save << int(QKeychain::NoBackendAvailable) << "No keychain service available"
            << "The key could not be saved: no keychain service is running (on Linux, start GNOME Keyring or KWallet).";
        QTest::newRow("no D-Bus") << remove << int(QKeychain::OtherError)
                                  << "Could not connect: No such file or directory"
                                  << "The key could not be removed: there is no D-Bus session to reach the keychain "
                                     "(log in to a desktop session).";
        QTest::newRow("no D-Bus autolaunch")
            << save << int(QKeychain::OtherError) << "Cannot autolaunch D-Bus without X11 $DISPLAY"
            << "The key could not be saved: there is no D-Bus session to reach the keychain (log in to a desktop "
               "session).";
        QTest::newRow("locked") << save << int(QKeychain::AccessDenied)
                                << "Cannot create an item in a locked collection"
                                << "The key could not be saved: the keychain is locked; unlock it and try again.";
        QTest::newRow("denied") << int(KeyVault::Operation::Read) << int(QKeychain::AccessDenied) << ""
                                << "The key could not be read: the keychain denied access; unlock it and try again.";
        QTest::newRow("prompt dismissed")
            << save << int(QKeychain::AccessDeniedByUser) << "The prompt was dismissed"
            << "The key could not be saved: access to the keychain was refused at its prompt.";
        QTest::newRow("other") << save << int(QKeychain::OtherError) << "Unknown error"
                               << "The key could not be saved: the keychain reported: Unknown error.";
    }

    void everyBackendErrorIsOneSentence()
    {
        QFETCH(int, operation);
        QFETCH(int, code);
        QFETCH(QString, backend);
        const Failure f = KeyVault::describe(KeyVault::Operation(operation), code, backend);
        QCOMPARE(f.kind, Failure::Unavailable);
        QTEST(f.message, "sentence");
    }

    void timeoutsSayHowLong()
    {
        QCOMPARE(KeyVault::timedOut(KeyVault::Operation::Save, 500).message,
                 QStringLiteral("The key could not be saved: the keychain did not answer within 1 second."));
        QCOMPARE(KeyVault::timedOut(KeyVault::Operation::Read, 10000).message,
                 QStringLiteral("The key could not be read: the keychain did not answer within 10 seconds."));
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "tst_keyvault.moc"
