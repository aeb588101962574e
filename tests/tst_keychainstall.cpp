#include "TestSupport.h"

#include "keys/KeyVault.h"
#include "PrivateBus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QTimer>

// Keychain jobs that never finish must not hang the program or the jobs after them. This runs in its own
// process because libsecret binds to the session bus it first sees.
class TestKeychainStall : public QObject
{
    Q_OBJECT

private:
    std::optional<PrivateBus> m_bus;
    SilentSecretService m_silent;

private slots:
    void initTestCase()
    {
        m_bus.emplace();
        QDBusConnection service = QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("silent"));
        QVERIFY(service.isConnected());
        QVERIFY(service.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &m_silent,
                                              QDBusConnection::SubPath));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.secrets")));
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus->address().toUtf8());
    }

    void aSilentKeychainTimesOutAndLaterJobsStillAnswer()
    {
        KeyVault vault;
        vault.setTimeout(700);
        const KeyEntry entry{QStringLiteral("stall-test"), {}, QStringLiteral("anthropic")};
        std::optional<Status> saved;
        std::optional<Result<std::optional<QString>>> read;
        int ticks = 0;
        QTimer heartbeat; // the event loop keeps turning while the keychain is silent
        connect(&heartbeat, &QTimer::timeout, this, [&] { ++ticks; });
        heartbeat.start(50);
        vault.save(entry, QStringLiteral("sk-ant-never-stored-0000"), [&](Status s) { saved = s; });
        vault.read(entry, [&](Result<std::optional<QString>> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value() && read.has_value(), 10000);
        QVERIFY(m_silent.calls > 0); // it really reached the silent service
        QCOMPARE(saved->failure().kind, Failure::Unavailable);
        QCOMPARE(saved->failure().message,
                 QStringLiteral("The key could not be saved: the keychain did not answer within 1 second."));
        QCOMPARE(read->failure().message,
                 QStringLiteral("The key could not be read: the keychain did not answer within 1 second."));
        QVERIFY(ticks > 5);
    }
};

QTEST_GUILESS_MAIN(TestKeychainStall)
#include "tst_keychainstall.moc"
