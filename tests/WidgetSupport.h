#pragma once

#include <QObject>
#include <QTest>
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

// Waits (bounded) until the settings page shows what it read last, in every section: the page reads off the
// window's thread, so an action that makes it read again is on screen a moment later, and builds the sections it
// does not show yet one by one after the first reading. False when that did not end in time.
template <typename Page> bool pageRead(const Page* page)
{
    return QTest::qWaitFor([page] { return page->isSettled(); }, 10000);
}

} // namespace WidgetSupport
