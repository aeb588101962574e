#pragma once

#include <QString>

#include <functional>

// Desktop notifications through the freedesktop Notifications service on the session bus, sent without waiting
// for an answer (no service: nothing is shown, nothing stops). Tests put a sink in its place.
namespace Ui::Notifications {

using Sink = std::function<void(const QString& title, const QString& body)>;

void notify(const QString& title, const QString& body);
// For tests: every notification goes to `sink` instead of the desktop; an empty sink restores the desktop.
void setSink(Sink sink);

} // namespace Ui::Notifications
