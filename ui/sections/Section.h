#pragma once

#include "support/Result.h"

#include <QString>

#include <functional>

namespace Ui {

// What every section that edits settings does, the same way (KeePassXC's SettingsWidget, KDE's
// KConfigDialogManager): it is dirty while what it shows differs from what is applied; apply and discard end
// that; a refresh never overwrites what the admin typed (the applied value underneath is updated, the shown one
// kept). The page marks a dirty section's title and asks once about every dirty section before the window closes
// or another ledger is opened.
class Section
{
public:
    virtual ~Section() = default;

    // The section's name in a question ("Billing period").
    virtual QString sectionName() const = 0;
    virtual bool isDirty() const = 0;
    // Applies what is shown, without asking; a refusal keeps what is shown, to be applied again.
    virtual Status apply() = 0;
    // Shows what is applied again.
    virtual void discard() = 0;

    // Told whenever the section may have become dirty or clean.
    void onDirtyChanged(std::function<void()> notify) { m_notify = std::move(notify); }

protected:
    void dirtyMayHaveChanged() const
    {
        if (m_notify)
            m_notify();
    }

private:
    std::function<void()> m_notify;
};

} // namespace Ui
