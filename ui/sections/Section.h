#pragma once

#include "rules/Roles.h"
#include "sections/PagePart.h"
#include "support/Result.h"

#include <QString>

#include <functional>

namespace Ui {

// What every section that edits settings does, the same way (KeePassXC's SettingsWidget, KDE's
// KConfigDialogManager): it is dirty while what it shows differs from what is applied; apply and discard end
// that; a refresh never overwrites what the admin typed (the applied value underneath is updated, the shown one
// kept). The page holds the one Apply / Revert place for all of them, says before applying what each change will
// do (confirmation), marks a dirty section's title, asks once about every dirty section before the window closes
// or another ledger is opened, and tells each whether the user may edit it (setReadOnly).
class Section : public PagePart
{
public:
    // The section's name in a question ("Billing Period").
    virtual QString sectionName() const = 0;
    virtual bool isDirty() const = 0;
    // Applies what is shown, without asking; a refusal keeps what is shown, to be applied again.
    virtual Status apply() = 0;
    // Shows what is applied again.
    virtual void discard() = 0;
    // What applying what is shown will do, for the question asked before it (a preview); empty: nothing to ask.
    virtual QString confirmation() const { return {}; }
    // Read-only with the reason shown (who may change it); an empty reason makes it editable.
    virtual void setReadOnly(const QString& reason) = 0;
    // Whether `role` may change what the section holds (an Owner or Admin; the plan: an Owner).
    virtual bool mayEdit(Role role) const { return canAdminister(role); }

    // Told when the admin asks to apply from inside the section (Enter in a field).
    void onApplyRequested(std::function<void()> apply) { m_applyRequested = std::move(apply); }

    // Told whenever the section may have become dirty or clean.
    void onDirtyChanged(std::function<void()> notify) { m_notify = std::move(notify); }

protected:
    void dirtyMayHaveChanged() const
    {
        if (m_notify)
            m_notify();
    }
    void applyRequested() const
    {
        if (m_applyRequested)
            m_applyRequested();
    }

private:
    std::function<void()> m_notify;
    std::function<void()> m_applyRequested;
};

} // namespace Ui
