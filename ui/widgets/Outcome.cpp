#include "widgets/Outcome.h"

namespace Ui::Outcome {

QLabel* label(const QString& objectName, QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->hide();
    return l;
}

bool show(QLabel* label, const Status& status, const QString& done)
{
    label->setText(status ? done : QStringLiteral("⚠ ") + status.failure().message);
    label->setProperty("failed", !status.ok());
    label->setVisible(!label->text().isEmpty());
    return status.ok();
}

} // namespace Ui::Outcome
