#include "TestSupport.h"

#include "PrivateBus.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>

// `ai-settings keys doctor` in each state a desktop's keychain can be in, each made real: no session bus, a bus
// with no Secret Service, KWallet without it, a Secret Service that never answers, gnome-keyring with its
// collection locked, and one that works. Each run answers within the 10 s bound and names the fix.
class TestKeychainDoctor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Doctor
    {
        TestSupport::Run run;
        qint64 ms = 0;
    };

    Doctor doctor(const QProcessEnvironment& env)
    {
        QElapsedTimer wall;
        wall.start();
        Doctor d{TestSupport::runCli({QStringLiteral("keys"), QStringLiteral("doctor")}, {}, env), 0};
        d.ms = wall.elapsed();
        return d;
    }

    // The test session's environment on another bus, with no way back to the session's own.
    QProcessEnvironment onBus(const QString& address)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        return env;
    }

    // gnome-keyring on `bus`, its keyring in a folder of its own, unlocked with a password: a desktop's login.
    std::unique_ptr<QProcess> startKeyring(const PrivateBus& bus, const QString& name)
    {
        const QString home = m_dir.filePath(name);
        QDir().mkpath(home + QStringLiteral("/data"));
        QDir().mkpath(home + QStringLiteral("/run"));
        QFile::setPermissions(home + QStringLiteral("/run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto keyring = std::make_unique<QProcess>();
        QProcessEnvironment env = onBus(bus.address());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));
        keyring->setProcessEnvironment(env);
        keyring->start(
            QStringLiteral("gnome-keyring-daemon"),
            {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!keyring->waitForStarted(10000))
            qFatal("gnome-keyring-daemon did not start");
        keyring->write("test-keyring-password");
        keyring->closeWriteChannel();
        QDBusConnection c = QDBusConnection::connectToBus(bus.address(), name);
        if (!QTest::qWaitFor(
                [&] { return c.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value(); },
                10000))
            qFatal("gnome-keyring-daemon did not come onto the bus");
        return keyring;
    }

    static void stop(QProcess& process)
    {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(5000);
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void aWorkingKeychainSaysSo()
    {
        const Doctor d = doctor(QProcessEnvironment::systemEnvironment());
        QVERIFY2(d.run.exitCode == 0, d.run.err.constData());
        QCOMPARE(d.run.out, QByteArray("Session bus: reachable.\n"
                                       "Secret Service: org.freedesktop.secrets is on the session bus.\n"
                                       "Default collection: \"Login\", unlocked.\n"
                                       "Round trip: a test entry was stored, read back and deleted.\n"
                                       "The keychain works: keys can be kept here.\n"));
        QVERIFY(d.ms < 10000);
    }

    void withoutASessionBusItSaysHowToStartOne()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch either, as over SSH
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("nobus")));
        QDir().mkpath(m_dir.filePath(QStringLiteral("nobus")));
        const Doctor d = doctor(env);
        QCOMPARE(d.run.exitCode, 3);
        QVERIFY2(d.run.err.startsWith("No D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set") &&
                     d.run.err.contains("dbus-run-session -- ai-settings"),
                 d.run.err.constData());
        QCOMPARE(d.run.err.count('\n'), 1);
        QVERIFY(d.ms < 10000);
    }

    void aBusWithoutASecretServiceSaysToInstallOne()
    {
        PrivateBus bus;
        const Doctor d = doctor(onBus(bus.address()));
        QCOMPARE(d.run.exitCode, 3);
        QCOMPARE(d.run.out, QByteArray("Session bus: reachable.\n"));
        QVERIFY2(d.run.err.startsWith("Nothing on the session bus offers the Secret Service (org.freedesktop.secrets): "
                                      "install gnome-keyring"),
                 d.run.err.constData());
        QVERIFY(d.ms < 10000);
    }

    void kwalletWithoutTheSecretServiceSaysToEnableIt()
    {
        PrivateBus bus;
        QDBusConnection kwallet = QDBusConnection::connectToBus(bus.address(), QStringLiteral("kwallet"));
        QVERIFY(kwallet.registerService(QStringLiteral("org.kde.kwalletd5")));
        const Doctor d = doctor(onBus(bus.address()));
        QCOMPARE(d.run.exitCode, 3);
        QVERIFY2(d.run.err.startsWith("KWallet runs but does not offer the Secret Service: enable it"),
                 d.run.err.constData());
    }

    void aSilentSecretServiceIsNamedWithinTheBound()
    {
        PrivateBus bus;
        SilentSecretService silent;
        QDBusConnection service = QDBusConnection::connectToBus(bus.address(), QStringLiteral("silent"));
        QVERIFY(service.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &silent,
                                              QDBusConnection::SubPath));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.secrets")));
        const Doctor d = doctor(onBus(bus.address()));
        QCOMPARE(d.run.exitCode, 3);
        QVERIFY2(d.run.err.startsWith("The Secret Service (org.freedesktop.secrets) takes calls but does not answer"),
                 d.run.err.constData());
        QVERIFY(!silent.held.isEmpty());
        QVERIFY2(d.ms < 10000, qPrintable(QString::number(d.ms)));
    }

    void aLockedKeyringSaysToUnlockIt()
    {
        PrivateBus bus;
        auto keyring = startKeyring(bus, QStringLiteral("locked"));
        // Unlocked, it works on this bus too: the setup is a real keyring.
        const Doctor before = doctor(onBus(bus.address()));
        QVERIFY2(before.run.exitCode == 0, before.run.err.constData());
        QDBusConnection c = QDBusConnection::connectToBus(bus.address(), QStringLiteral("locked"));
        QDBusMessage lock = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock.setArguments({QVariant::fromValue(
            QList<QDBusObjectPath>{QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))})});
        const QDBusMessage locked = c.call(lock, QDBus::Block, 10000);
        QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));
        const Doctor d = doctor(onBus(bus.address()));
        QCOMPARE(d.run.exitCode, 3);
        QCOMPARE(
            d.run.out,
            QByteArray("Session bus: reachable.\nSecret Service: org.freedesktop.secrets is on the session bus.\n"));
        QVERIFY2(d.run.err.startsWith("The \"Login\" keyring is locked: unlock it in Passwords and Keys (seahorse)"),
                 d.run.err.constData());
        QVERIFY(d.ms < 10000);
        stop(*keyring);
    }
};

QTEST_GUILESS_MAIN(TestKeychainDoctor)
#include "tst_keychaindoctor.moc"
