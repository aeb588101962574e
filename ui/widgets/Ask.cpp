#include "widgets/Ask.h"

#include <QFileDialog>
#include <QList>

namespace Ui::Ask {

namespace {

QList<QMessageBox::StandardButton> nextAnswers;
QStringList nextFiles;
QString asked;

// A message answered in advance is not shown.
bool answeredInAdvance(const QString& text)
{
    asked = text;
    if (nextAnswers.isEmpty())
        return false;
    nextAnswers.removeFirst();
    return true;
}

} // namespace

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    asked = text;
    if (!nextAnswers.isEmpty())
        return nextAnswers.takeFirst();
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void inform(QWidget* parent, const QString& title, const QString& text)
{
    if (!answeredInAdvance(text))
        QMessageBox::information(parent, title, text);
}

void warn(QWidget* parent, const QString& title, const QString& text)
{
    if (!answeredInAdvance(text))
        QMessageBox::warning(parent, title, text);
}

void about(QWidget* parent, const QString& title, const QString& text)
{
    if (!answeredInAdvance(text))
        QMessageBox::about(parent, title, text);
}

QString openFile(QWidget* parent, const QString& title, const QString& folder, const QString& filter)
{
    if (!nextFiles.isEmpty())
        return nextFiles.takeFirst();
    return QFileDialog::getOpenFileName(parent, title, folder, filter);
}

QString saveFile(QWidget* parent, const QString& title, const QString& suggested, const QString& filter,
                 QString* chosenFilter)
{
    if (!nextFiles.isEmpty())
        return nextFiles.takeFirst();
    return QFileDialog::getSaveFileName(parent, title, suggested, filter, chosenFilter);
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswers.append(answer);
}

void setNextFile(const QString& path)
{
    nextFiles.append(path);
}

int pendingAnswers()
{
    return int(nextAnswers.size() + nextFiles.size());
}

QString lastQuestion()
{
    return asked;
}

} // namespace Ui::Ask
