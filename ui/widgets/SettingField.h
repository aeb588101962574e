#pragma once

#include "model/Settings.h"

#include <QObject>
#include <QString>

class QComboBox;
class QLabel;
class QSpinBox;
class QWidget;

namespace Ui {

// One ledger setting on a form, made from its declaration (Settings::declarations), as Qt Creator's aspects and
// KDE's KConfigDialogManager do: the widget its input asks for (a list, a number in its range, a line of text),
// its label with the mnemonic, its choices with their texts and notes, its object name ("anchor_day" →
// "anchorDaySpin"). It holds the applied value and is dirty while the shown one differs; a value applied
// underneath (a refresh) is shown only while nothing is edited.
class SettingField : public QObject
{
    Q_OBJECT

public:
    SettingField(const SettingDeclaration& setting, QWidget* parent);

    const QString& name() const { return m_name; }
    QWidget* widget() const { return m_widget; }
    // The form's label, its buddy the widget.
    QLabel* label() const { return m_label; }

    QString shown() const;
    QString applied() const { return m_applied; }
    // The value applied now; shown, unless the admin is editing another.
    void load(const QString& applied);
    // Applied: what is shown is what the ledger holds now.
    void markApplied() { m_applied = shown(); }
    // Nothing differs before the first load (a shared ledger still connecting).
    bool isDirty() const { return m_loaded && shown() != m_applied; }
    // Shows the applied value again.
    void discard();
    // Shows `value` without it counting as an edit.
    void show(const QString& value);
    // Read-only, the reason as its tooltip; an empty reason makes it editable.
    void setReadOnly(const QString& reason);
    // A choice's text, with what is said of it now ("— not available with your key"); empty: its own text.
    void setChoiceRemark(const QString& value, const QString& remark);

signals:
    // The admin changed the value shown.
    void edited();
    // The admin pressed Enter in the field.
    void entered();

private:
    QString m_name;
    QWidget* m_widget = nullptr;
    QComboBox* m_combo = nullptr;
    QSpinBox* m_spin = nullptr;
    QLabel* m_label = nullptr;
    QVector<SettingChoice> m_choices;
    QString m_applied;
    bool m_loaded = false;
};

} // namespace Ui
