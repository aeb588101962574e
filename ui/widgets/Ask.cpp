#include "widgets/Ask.h"

#include <QList>

namespace Ui::Ask {

namespace {

QList<QMessageBox::StandardButton> nextAnswers;
QString asked;

} // namespace

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    asked = text;
    if (!nextAnswers.isEmpty())
        return nextAnswers.takeFirst();
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswers.append(answer);
}

int pendingAnswers()
{
    return int(nextAnswers.size());
}

QString lastQuestion()
{
    return asked;
}

} // namespace Ui::Ask
