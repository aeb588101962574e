#include "session/Notifications.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QVariantMap>

namespace Ui::Notifications {

namespace {

Sink& sink()
{
    static Sink s;
    return s;
}

} // namespace

void setSink(Sink s)
{
    sink() = std::move(s);
}

void notify(const QString& title, const QString& body)
{
    if (sink())
        return sink()(title, body);
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the server's default).
    call << QStringLiteral("AI Settings") << 0u << QStringLiteral("ai-settings") << title << body << QStringList()
         << QVariantMap() << -1;
    QDBusConnection::sessionBus().asyncCall(call);
}

} // namespace Ui::Notifications
