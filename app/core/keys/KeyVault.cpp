#include "keys/KeyVault.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>
#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(KeyVault)
};
} // namespace

QString KeyEntry::account() const
{
    const QString scope = purpose == KeyPurpose::Usage ? QStringLiteral("usage")
                          : tenant.isEmpty()           ? QStringLiteral("install")
                                                       : QStringLiteral("tenant/") + tenant;
    return installId + QLatin1Char('/') + scope + QLatin1Char('/') + provider;
}

KeyVault::KeyVault(QObject* parent) : QObject(parent) {}

namespace {

QString doing(KeyVault::Operation operation)
{
    switch (operation) {
    case KeyVault::Operation::Save:
        return Words::tr("The key could not be saved");
    case KeyVault::Operation::Read:
        return Words::tr("The key could not be read");
    case KeyVault::Operation::Remove:
        return Words::tr("The key could not be removed");
    }
    return {};
}

template <typename Job> Job* newJob(const KeyEntry& entry)
{
    auto* job = new Job(QString::fromLatin1(KeyVault::serviceName));
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(entry.account());
    return job;
}

} // namespace

Failure KeyVault::describe(Operation operation, int code, const QString& backendMessage)
{
    const QString m = backendMessage;
    auto says = [&](const char* text) { return m.contains(QLatin1String(text), Qt::CaseInsensitive); };
    QString why;
    // libsecret reports most trouble as OtherError; its message tells the cases apart.
    if (code == QKeychain::NoBackendAvailable || says("org.freedesktop.secrets") || says("ServiceUnknown") ||
        says("was not provided by any"))
        why = Words::tr("no keychain service is running (on Linux, start GNOME Keyring or KWallet)");
    else if (says("D-Bus") || says("DBUS") || says("Could not connect") || says("autolaunch"))
        why = Words::tr("there is no D-Bus session to reach the keychain (log in to a desktop session)");
    else if (code == QKeychain::AccessDeniedByUser || says("dismissed") || says("cancel"))
        why = Words::tr("access to the keychain was refused at its prompt");
    else if (says("locked"))
        why = Words::tr("the keychain is locked; unlock it and try again");
    else if (code == QKeychain::AccessDenied)
        why = Words::tr("the keychain denied access; unlock it and try again");
    else if (code == QKeychain::NotImplemented)
        why = Words::tr("this system's keychain does not support it");
    else if (code == QKeychain::CouldNotDeleteEntry)
        why = Words::tr("the keychain refused to delete the entry");
    else
        why = Words::tr("the keychain reported: %1").arg(m.isEmpty() ? Words::tr("an unknown error") : m);
    return unavailable(Words::tr("%1: %2.", "what failed: why").arg(doing(operation), why));
}

Failure KeyVault::timedOut(Operation operation, int timeoutMs)
{
    const int seconds = qMax(1, (timeoutMs + 999) / 1000);
    return unavailable(
        Words::tr("%1: the keychain did not answer within %Ln second(s).", nullptr, seconds).arg(doing(operation)));
}

void KeyVault::run(QKeychain::Job* job, std::function<void(QKeychain::Job*)> finished)
{
    // Shared by the two ways of ending; whichever comes first answers and disarms the other.
    auto answer = std::make_shared<std::function<void(QKeychain::Job*)>>(std::move(finished));
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    QPointer<QKeychain::Job> guard(job);
    connect(job, &QKeychain::Job::finished, timer, [answer, timer](QKeychain::Job* ended) {
        timer->deleteLater();
        if (auto call = std::exchange(*answer, nullptr))
            call(ended);
    });
    connect(timer, &QTimer::timeout, this, [answer, timer, guard]() {
        timer->deleteLater();
        if (guard)
            guard->disconnect(timer);
        if (auto call = std::exchange(*answer, nullptr))
            call(nullptr);
    });
    timer->start(m_timeoutMs);
    job->start();
}

void KeyVault::save(const KeyEntry& entry, const QString& key, std::function<void(Status)> done)
{
    auto* job = newJob<QKeychain::WritePasswordJob>(entry);
    job->setTextData(key);
    const int timeoutMs = m_timeoutMs;
    run(job, [done = std::move(done), timeoutMs](QKeychain::Job* ended) {
        if (!ended)
            return done(timedOut(Operation::Save, timeoutMs));
        if (ended->error() != QKeychain::NoError)
            return done(describe(Operation::Save, ended->error(), ended->errorString()));
        done(success());
    });
}

void KeyVault::read(const KeyEntry& entry, std::function<void(Result<std::optional<QString>>)> done)
{
    auto* job = newJob<QKeychain::ReadPasswordJob>(entry);
    const int timeoutMs = m_timeoutMs;
    run(job, [done = std::move(done), timeoutMs](QKeychain::Job* ended) {
        if (!ended)
            return done(timedOut(Operation::Read, timeoutMs));
        if (ended->error() == QKeychain::EntryNotFound)
            return done(std::optional<QString>());
        if (ended->error() != QKeychain::NoError)
            return done(describe(Operation::Read, ended->error(), ended->errorString()));
        done(std::optional<QString>(static_cast<QKeychain::ReadPasswordJob*>(ended)->textData()));
    });
}

void KeyVault::remove(const KeyEntry& entry, std::function<void(Status)> done)
{
    auto* job = newJob<QKeychain::DeletePasswordJob>(entry);
    const int timeoutMs = m_timeoutMs;
    run(job, [done = std::move(done), timeoutMs](QKeychain::Job* ended) {
        if (!ended)
            return done(timedOut(Operation::Remove, timeoutMs));
        if (ended->error() != QKeychain::NoError && ended->error() != QKeychain::EntryNotFound)
            return done(describe(Operation::Remove, ended->error(), ended->errorString()));
        done(success());
    });
}
