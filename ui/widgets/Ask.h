#pragma once

#include <QMessageBox>

namespace Ui {

// Every dialog the window shows goes through here: questions before something it cannot undo (replace or remove
// a key, discard changes), results and refusals to acknowledge, and the file choosers. Tests answer the next
// dialog in advance instead of hunting for a modal one (KeePassXC's MessageBox::setNextAnswer); its text is kept
// for them.
namespace Ask {

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton);
// A result to read and acknowledge.
void inform(QWidget* parent, const QString& title, const QString& text);
// A refusal or failure to read and acknowledge.
void warn(QWidget* parent, const QString& title, const QString& text);
void about(QWidget* parent, const QString& title, const QString& text);

// The file to read, or empty when the chooser was cancelled.
QString openFile(QWidget* parent, const QString& title, const QString& folder, const QString& filter);
// The file to write, or empty; `chosenFilter` gets the filter picked, when asked for.
QString saveFile(QWidget* parent, const QString& title, const QString& suggested, const QString& filter,
                 QString* chosenFilter = nullptr);

// For tests: the next question is answered with `answer`, or the next message acknowledged, without showing it;
// several calls answer several dialogs in turn.
void setNextAnswer(QMessageBox::StandardButton answer);
// For tests: the next file chooser answers `path` without showing (empty: cancelled).
void setNextFile(const QString& path);
// For tests: answers and files given in advance that no dialog has used yet.
int pendingAnswers();
// For tests: the text of the last question or message, shown or not.
QString lastQuestion();

} // namespace Ask

} // namespace Ui
