#include "sections/ModelsPanel.h"

#include "services/SpendService.h"

#include "session/Session.h"
#include "widgets/SettingField.h"
#include "words/AdminSentences.h"
#include "words/UsageSentences.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace Ui {

namespace {

QString slotUsers(const Catalog& catalog, const QString& slot)
{
    QStringList names;
    for (const Action& a : catalog.actions())
        if (a.slot == slot)
            names << shownText(a.name);
    return QObject::tr("Used by %1.").arg(names.join(QStringLiteral(", ")));
}

} // namespace

ModelsPanel::ModelsPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Model Selection"), parent), m_session(session), m_keyModelsLabel(new QLabel(this)),
      m_messageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("modelsPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    for (const Slot& slot : session.catalog().modelSlots()) {
        auto* field = new SettingField(*Settings::declaration(session.catalog(), Settings::model(slot.id)), this);
        connect(field, &SettingField::edited, this, &ModelsPanel::updateControls);
        m_fields.insert(slot.id, field);
        auto* column = new QVBoxLayout;
        column->addWidget(field->widget());
        auto* users = new QLabel(slotUsers(session.catalog(), slot.id), this);
        users->setForegroundRole(QPalette::PlaceholderText);
        users->setWordWrap(true); // a narrow window wraps the list rather than scrolling sideways
        column->addWidget(users);
        form->addRow(field->label(), column);
    }
    layout->addLayout(form);
    m_keyModelsLabel->setObjectName(QStringLiteral("keyModelsLabel"));
    m_keyModelsLabel->setWordWrap(true);
    m_keyModelsLabel->setTextFormat(Qt::PlainText);
    m_keyModelsLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_keyModelsLabel);
    m_messageLabel->setObjectName(QStringLiteral("modelsMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_messageLabel);
}

void ModelsPanel::setReadOnly(const QString& reason)
{
    for (SettingField* field : qAsConst(m_fields))
        field->setReadOnly(reason);
}

QHash<QString, QString> ModelsPanel::shownModels() const
{
    QHash<QString, QString> shown;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        shown.insert(it.key(), it.value()->shown());
    return shown;
}

bool ModelsPanel::isDirty() const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(), [](const SettingField* f) { return f->isDirty(); });
}

// Each slot's applied model, shown unless the admin is editing that slot (Apply changes the edited ones only).
void ModelsPanel::load(const PageState& state)
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->load(state.settings.slotModels.value(it.key()));
    showKeyModels(state);
    updateControls();
}

void ModelsPanel::showKeyModels(const PageState& state)
{
    QStringList notes;
    for (const Slot& slot : m_session.catalog().modelSlots()) {
        const Provider* provider = m_session.catalog().slotProvider(slot.id);
        const PageState::ProviderKeys keys = state.keys.value(provider->id);
        const std::optional<QStringList>& allowed = keys.modelsByKey;
        SettingField* field = m_fields.value(slot.id);
        if (allowed)
            m_keyModels.insert(slot.id, *allowed);
        else
            m_keyModels.remove(slot.id);
        for (const Model& m : m_session.catalog().models())
            field->setChoiceRemark(m.id,
                                   !allowed || allowed->contains(m.id) ? QString() : tr("not available with your key"));
        if (!allowed)
            continue;
        const KeyRecord& key = keys.install.record;
        if (key.checkedAt && notes.isEmpty())
            notes << tr("The models your %1 key can use were read from %1 on %2; Test under the key reads them again.")
                         .arg(provider->name, UsageSentences::moment(*key.checkedAt, state.timeZone));
    }
    m_keyModelsLabel->setText(notes.join(QLatin1Char(' ')));
    m_keyModelsLabel->setVisible(!notes.isEmpty());
}

void ModelsPanel::updateControls()
{
    if (shownModels() != m_messageFor)
        m_messageLabel->clear();
    dirtyMayHaveChanged();
}

void ModelsPanel::discard()
{
    for (SettingField* field : qAsConst(m_fields))
        field->discard();
    updateControls();
    m_messageLabel->clear();
}

QString ModelsPanel::confirmation() const
{
    QStringList said;
    // In catalog order, as the form lists the slots.
    for (const Slot& slot : m_session.catalog().modelSlots()) {
        const SettingField* field = m_fields.value(slot.id);
        // A model the key cannot use is refused by apply() without a question first.
        if (!field->isDirty() ||
            (m_keyModels.contains(slot.id) && !m_keyModels.value(slot.id).contains(field->shown())))
            continue;
        const auto preview = SpendService::previewSlotModel(m_session.ledger(), slot.id, field->shown());
        // A preview that cannot be read asks nothing: apply() says what is wrong with the choice, if anything.
        if (preview)
            said << AdminSentences::modelChange(preview.value(), m_session.catalog());
    }
    return said.join(QStringLiteral("\n\n"));
}

Status ModelsPanel::apply()
{
    QHash<QString, QString> changed;
    const auto shown = shownModels();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (it.value()->isDirty())
            changed.insert(it.key(), it.value()->shown());
    // All slots change together or none does; on a refusal the shown values stay, to be saved again.
    m_messageFor = shown;
    if (const Status s = m_session.ledger().setSlotModels(changed); !s) {
        m_messageLabel->setText(QStringLiteral("⚠ ") + s.failure().message);
        return s;
    }
    m_messageLabel->setText(tr("Saved. New actions are charged at the new models' costs."));
    for (SettingField* field : qAsConst(m_fields))
        field->markApplied();
    updateControls();
    m_session.refresh();
    return success();
}

} // namespace Ui
