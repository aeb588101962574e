#include "widgets/SettingField.h"

#include "widgets/NoWheelComboBox.h"

#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace Ui {

namespace {

// "anchor_day" → "anchorDay", "model.content" → "modelContent": the setting's name as an object name.
QString camelCase(const QString& name)
{
    QString camel;
    bool upper = false;
    for (const QChar c : name) {
        if (c == QLatin1Char('_') || c == QLatin1Char('.')) {
            upper = true;
            continue;
        }
        camel += upper ? c.toUpper() : c;
        upper = false;
    }
    return camel;
}

// A list longer than this is searched as one types ("berl" finds Europe/Berlin) rather than scrolled.
constexpr int longList = 40;

} // namespace

SettingField::SettingField(const SettingDeclaration& setting, QWidget* parent)
    : QObject(parent), m_name(setting.name), m_label(new QLabel(setting.field, parent))
{
    const QString base = camelCase(setting.name);
    switch (setting.input) {
    case SettingInput::Number:
        m_spin = new QSpinBox(parent);
        m_spin->setRange(setting.minimum, setting.maximum);
        m_spin->setObjectName(base + QStringLiteral("Spin"));
        connect(m_spin, &QSpinBox::valueChanged, this, &SettingField::edited);
        m_widget = m_spin;
        break;
    case SettingInput::Choice: {
        m_choices = setting.choices ? setting.choices() : QVector<SettingChoice>();
        auto* combo = new NoWheelComboBox(parent);
        m_combo = combo;
        m_combo->setObjectName(base + QStringLiteral("Combo"));
        for (const SettingChoice& c : qAsConst(m_choices)) {
            m_combo->addItem(c.text, c.value);
            if (!c.note.isEmpty())
                m_combo->setItemData(m_combo->count() - 1, c.note, Qt::ToolTipRole);
        }
        if (m_choices.size() > longList) {
            m_combo->setEditable(true);
            m_combo->setInsertPolicy(QComboBox::NoInsert);
            m_combo->lineEdit()->setAccessibleName(setting.label);
            m_combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
            m_combo->completer()->setFilterMode(Qt::MatchContains);
            m_combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
            connect(m_combo, &QComboBox::currentTextChanged, this, &SettingField::edited);
            connect(m_combo->lineEdit(), &QLineEdit::returnPressed, this, &SettingField::entered);
        } else {
            // Narrow windows (or large text) shorten the shown choice rather than the page growing sideways;
            // the open list shows every choice whole.
            m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            m_combo->setMinimumContentsLength(18);
            connect(m_combo, &QComboBox::currentIndexChanged, this, &SettingField::edited);
        }
        m_widget = m_combo;
        break;
    }
    case SettingInput::Text: {
        auto* edit = new QLineEdit(parent);
        edit->setObjectName(base + QStringLiteral("Edit"));
        connect(edit, &QLineEdit::textChanged, this, &SettingField::edited);
        connect(edit, &QLineEdit::returnPressed, this, &SettingField::entered);
        m_widget = edit;
        break;
    }
    }
    m_widget->setAccessibleName(setting.label);
    m_label->setBuddy(m_widget);
}

QString SettingField::shown() const
{
    if (m_spin)
        return QString::number(m_spin->value());
    if (m_combo)
        return m_combo->isEditable() ? m_combo->currentText().trimmed() : m_combo->currentData().toString();
    return static_cast<QLineEdit*>(m_widget)->text().trimmed();
}

void SettingField::show(const QString& value)
{
    const QSignalBlocker quiet(m_widget);
    if (m_spin)
        m_spin->setValue(value.toInt());
    else if (m_combo && m_combo->isEditable())
        m_combo->setCurrentText(value);
    else if (m_combo)
        m_combo->setCurrentIndex(m_combo->findData(value));
    else
        static_cast<QLineEdit*>(m_widget)->setText(value);
}

void SettingField::load(const QString& applied)
{
    const bool editing = isDirty();
    m_applied = applied;
    m_loaded = true;
    if (!editing)
        show(applied);
}

void SettingField::discard()
{
    show(m_applied);
}

void SettingField::setReadOnly(const QString& reason)
{
    m_widget->setEnabled(reason.isEmpty());
    m_widget->setToolTip(reason);
}

void SettingField::setChoiceRemark(const QString& value, const QString& remark)
{
    if (!m_combo)
        return;
    for (const SettingChoice& c : qAsConst(m_choices))
        if (c.value == value) {
            const int i = m_combo->findData(value);
            m_combo->setItemText(i, remark.isEmpty() ? c.text : c.text + QStringLiteral(" — ") + remark);
        }
}

} // namespace Ui
