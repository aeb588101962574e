#include "keys/KeychainDoctor.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QUuid>

namespace {

const QString busService = QStringLiteral("org.freedesktop.DBus");
const QString busPath = QStringLiteral("/org/freedesktop/DBus");
const QString secrets = QStringLiteral("org.freedesktop.secrets");
const QString secretsPath = QStringLiteral("/org/freedesktop/secrets");

// One call's bound: a local bus answers in milliseconds; what is left of the 10 s is the round trip's.
constexpr int callMs = 2000;

QDBusMessage busCall(const QString& method, const QVariantList& arguments)
{
    QDBusMessage m = QDBusMessage::createMethodCall(busService, busPath, busService, method);
    m.setArguments(arguments);
    return m;
}

} // namespace

KeychainDoctor::KeychainDoctor(QObject* parent) : QObject(parent)
{
    m_bound.setSingleShot(true);
    connect(&m_bound, &QTimer::timeout, this, [this] { finish(Finding::TooSlow); });
}

void KeychainDoctor::start()
{
    ++m_run;
    m_done = false;
    m_diagnosis = {};
    m_bound.start(boundMs);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return finish(Finding::NoSessionBus, bus.lastError().message());
    pass(tr("Session bus: reachable."));
    askOwner();
}

void KeychainDoctor::call(const QDBusMessage& message, std::function<void(const QDBusMessage& reply)> answered)
{
    auto* watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message, callMs), this);
    const quint64 run = m_run;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, run, watcher, answered = std::move(answered)] {
        watcher->deleteLater();
        if (!stale(run))
            answered(watcher->reply());
    });
}

void KeychainDoctor::askOwner()
{
    call(busCall(QStringLiteral("NameHasOwner"), {secrets}), [this](const QDBusMessage& owner) {
        if (owner.type() == QDBusMessage::ReplyMessage && owner.arguments().value(0).toBool()) {
            pass(tr("Secret Service: org.freedesktop.secrets is on the session bus."));
            return askDefaultCollection();
        }
        // Not running, but the bus starts it on the first call (gnome-keyring's D-Bus service file).
        call(busCall(QStringLiteral("ListActivatableNames"), {}), [this](const QDBusMessage& names) {
            if (names.arguments().value(0).toStringList().contains(secrets)) {
                pass(tr("Secret Service: org.freedesktop.secrets starts on the first call."));
                return askDefaultCollection();
            }
            askKWallet();
        });
    });
}

void KeychainDoctor::askKWallet()
{
    call(busCall(QStringLiteral("ListNames"), {}), [this](const QDBusMessage& names) {
        const QStringList running = names.arguments().value(0).toStringList();
        const bool kwallet = running.contains(QStringLiteral("org.kde.kwalletd5")) ||
                             running.contains(QStringLiteral("org.kde.kwalletd6"));
        finish(kwallet ? Finding::KWalletWithoutSecretService : Finding::NoSecretService);
    });
}

void KeychainDoctor::askDefaultCollection()
{
    QDBusMessage alias = QDBusMessage::createMethodCall(
        secrets, secretsPath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    alias.setArguments({QStringLiteral("default")});
    call(alias, [this](const QDBusMessage& reply) {
        if (reply.type() != QDBusMessage::ReplyMessage)
            return finish(reply.errorName() == QLatin1String("org.freedesktop.DBus.Error.NoReply")
                              ? Finding::SecretServiceSilent
                              : Finding::NoSecretService,
                          reply.errorMessage());
        const QString path = reply.arguments().value(0).value<QDBusObjectPath>().path();
        if (path.isEmpty() || path == QLatin1String("/"))
            return finish(Finding::NoDefaultCollection);
        askLocked(path);
    });
}

void KeychainDoctor::askLocked(const QString& collection)
{
    const auto property = [collection](const QString& name) {
        QDBusMessage m = QDBusMessage::createMethodCall(
            secrets, collection, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        m.setArguments({QStringLiteral("org.freedesktop.Secret.Collection"), name});
        return m;
    };
    call(property(QStringLiteral("Label")), [this, collection, property](const QDBusMessage& label) {
        const QString name = label.arguments().value(0).value<QDBusVariant>().variant().toString();
        call(property(QStringLiteral("Locked")), [this, name](const QDBusMessage& locked) {
            if (locked.type() != QDBusMessage::ReplyMessage)
                return finish(Finding::NoDefaultCollection, locked.errorMessage());
            if (locked.arguments().value(0).value<QDBusVariant>().variant().toBool())
                return finish(Finding::Locked, name);
            pass(tr("Default collection: \"%1\", unlocked.").arg(name));
            roundTrip();
        });
    });
}

void KeychainDoctor::roundTrip()
{
    // A throw-away entry of its own, never a key's: written, read back and deleted.
    const KeyEntry entry{
        QStringLiteral("keychain-check-") + QUuid::createUuid().toString(QUuid::Id128), {}, QStringLiteral("check")};
    const QString value = QStringLiteral("ai-settings keychain check");
    const quint64 run = m_run;
    m_vault.setTimeout(int(qMax<qint64>(500, m_bound.remainingTime() - 500)));
    m_vault.save(entry, value, [this, run, entry, value](Status saved) {
        if (stale(run))
            return;
        if (!saved)
            return finish(Finding::RoundTripFailed, saved.failure().message);
        m_vault.read(entry, [this, run, entry, value](Result<std::optional<QString>> read) {
            if (stale(run))
                return;
            if (!read || read.value() != value)
                return finish(Finding::RoundTripFailed,
                              !read ? read.failure().message : tr("the entry read back was not the one written"));
            m_vault.remove(entry, [this, run](Status removed) {
                if (stale(run))
                    return;
                if (!removed)
                    return finish(Finding::RoundTripFailed, removed.failure().message);
                pass(tr("Round trip: a test entry was stored, read back and deleted."));
                finish(Finding::Works);
            });
        });
    });
}

void KeychainDoctor::pass(const QString& step)
{
    m_diagnosis.passed << step;
}

void KeychainDoctor::finish(Finding finding, const QString& detail)
{
    if (m_done)
        return;
    m_done = true;
    m_bound.stop();
    m_diagnosis.finding = finding;
    m_diagnosis.detail = detail;
    emit finished(m_diagnosis);
}

QString KeychainDoctor::verdict(const Diagnosis& d)
{
    switch (d.finding) {
    case Finding::Works:
        return tr("The keychain works: keys can be kept here.");
    case Finding::NoSessionBus:
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return tr("No D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set, as in an SSH login or a service; run "
                      "the program in your desktop session, or start it as \"dbus-run-session -- ai-settings …\" with "
                      "gnome-keyring unlocked inside.");
        return tr("The D-Bus session bus in DBUS_SESSION_BUS_ADDRESS does not answer; log out and in again, or start "
                  "the program as \"dbus-run-session -- ai-settings …\".");
    case Finding::NoSecretService:
        return tr(
            "Nothing on the session bus offers the Secret Service (org.freedesktop.secrets): install gnome-keyring "
            "(sudo apt-get install gnome-keyring) and log in again.");
    case Finding::KWalletWithoutSecretService:
        return tr("KWallet runs but does not offer the Secret Service: enable it in System Settings › KWallet "
                  "(\"Use KWallet for the Secret Service interface\") and log in again.");
    case Finding::SecretServiceSilent:
        return tr(
            "The Secret Service (org.freedesktop.secrets) takes calls but does not answer: restart gnome-keyring, "
            "or log out and in again.");
    case Finding::NoDefaultCollection:
        return tr("The keyring has no default collection: create one named \"Login\" in Passwords and Keys "
                  "(seahorse), or log out and in again so that the desktop creates it.");
    case Finding::Locked:
        return tr("The \"%1\" keyring is locked: unlock it in Passwords and Keys (seahorse), or log out and in again "
                  "with your password.")
            .arg(d.detail.isEmpty() ? QStringLiteral("Login") : d.detail);
    case Finding::RoundTripFailed:
        return tr("The keychain did not store and read back a test entry (%1); unlock the \"Login\" keyring or "
                  "restart gnome-keyring, then try again.")
            .arg(d.detail);
    case Finding::TooSlow:
        break;
    }
    return tr("The keychain did not answer within 10 seconds; restart gnome-keyring, or log out and in again.");
}
