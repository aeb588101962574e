#pragma once

#include "sections/Section.h"

#include <QGroupBox>
#include <QHash>

class QLabel;

namespace Ui {

class Session;
class SettingField;

// Model selection: one dropdown per workload. The shown values are applied by the page's Apply, all slots or
// none, after a preview of what each change would have cost; Revert shows the applied ones again.
class ModelsPanel : public QGroupBox, public Section
{
    Q_OBJECT

public:
    explicit ModelsPanel(Session& session, QWidget* parent = nullptr);

    // Shows the applied models; values the user is still editing stay shown.
    void load(const PageState& state) override;

    QString sectionName() const override { return title(); }
    bool isDirty() const override;
    Status apply() override;
    void discard() override;
    // For each slot changed: what the new model would have done over the last 30 days (Ledger::previewSlotModel),
    // in the words `models preview` prints.
    QString confirmation() const override;
    void setReadOnly(const QString& reason) override;

private:
    QHash<QString, QString> shownModels() const;
    void updateControls();
    // Marks, in every dropdown, the models the install's key cannot use, and says when its list was read.
    void showKeyModels(const PageState& state);

    Session& m_session;
    QHash<QString, QString> m_messageFor;    // the choice the message is about: it goes when the choice does
    QHash<QString, SettingField*> m_fields;  // slot id -> its field (Settings::model(slot))
    QHash<QString, QStringList> m_keyModels; // slot id -> the models its provider's key in force can use, if listed
    QLabel* m_keyModelsLabel;
    QLabel* m_messageLabel;
};

} // namespace Ui
