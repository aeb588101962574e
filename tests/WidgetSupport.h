#pragma once

#include <QObject>
#include <QtGlobal>

// Shared by the widget tests: controls are found by their object names, as a user finds them by their labels.
namespace WidgetSupport {

// The child of `root` named `name`; a missing one ends the test run at once with its name.
template <typename T> T* find(const QObject* root, const char* name)
{
    T* w = root->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no widget named %s", name);
    return w;
}

} // namespace WidgetSupport
