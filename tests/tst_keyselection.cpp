#include "WindowFixture.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QToolButton>

// A key field never hands its key to the X11 selection or the clipboard, shown or not: on a real X server (Xvfb;
// CTest runs this suite on the xcb platform), with another X client (xclip) asking for both, as any program on the
// desktop could.
class TestKeySelection : public WindowFixture
{
    Q_OBJECT

    // What another program on the display gets for `selection` ("primary" or "clipboard"); empty when no one
    // offers text there. The wait runs the event loop, so that this window can answer xclip if it owns it.
    QByteArray askTheDisplay(const char* selection)
    {
        QProcess xclip;
        QSignalSpy finished(&xclip, &QProcess::finished);
        xclip.start(QStringLiteral("xclip"),
                    {QStringLiteral("-o"), QStringLiteral("-selection"), QLatin1String(selection)});
        if (!xclip.waitForStarted(10000))
            qFatal("xclip did not start: install the Debian package xclip (scripts/setup.sh test does)");
        if (finished.isEmpty() && !finished.wait(10000))
            qFatal("xclip did not answer");
        return xclip.exitCode() == 0 ? xclip.readAllStandardOutput() : QByteArray();
    }

    void expectNoKeyOnTheDisplay(const char* step)
    {
        QClipboard* clipboard = QGuiApplication::clipboard();
        QVERIFY2(!clipboard->ownsSelection(), step);
        QVERIFY2(!clipboard->ownsClipboard(), step);
        for (const char* selection : {"primary", "clipboard"}) {
            const QByteArray offered = askTheDisplay(selection);
            QVERIFY2(!offered.contains(anthropicKey.right(12).toUtf8()),
                     qPrintable(QStringLiteral("%1: the %2 selection holds the key")
                                    .arg(QLatin1String(step), QLatin1String(selection))));
        }
    }

private slots:
    void aKeyFieldNeverOwnsTheSelectionOrTheClipboard_data()
    {
        QTest::addColumn<bool>("shown");
        QTest::newRow("hidden") << false;
        QTest::newRow("shown") << true;
    }

    void aKeyFieldNeverOwnsTheSelectionOrTheClipboard()
    {
        QFETCH(bool, shown);
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        QVERIFY(QGuiApplication::clipboard()->supportsSelection());
        openWindow();
        m_window->page()->showSection(QStringLiteral("keys"));
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        typeKey("anthropic", anthropicKey);
        if (shown) {
            QTest::mouseClick(find<QToolButton>("anthropicShowButton"), Qt::LeftButton);
            QVERIFY(find<QToolButton>("anthropicShowButton")->isChecked());
            // The key is shown, for the administrator to read, in a label no one can select from.
            auto* shownKey = find<QLabel>("anthropicShownKeyLabel");
            QVERIFY(shownKey->isVisible());
            QCOMPARE(shownKey->text(), anthropicKey);
            QCOMPARE(shownKey->textInteractionFlags(), Qt::NoTextInteraction);
        }
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(edit->selectedText().size(), edit->text().size()); // selected, as the user asked
        expectNoKeyOnTheDisplay("Ctrl+A");
        QVERIFY(!QTest::currentTestFailed());
        QTest::keyClick(edit, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Insert, Qt::ControlModifier);
        expectNoKeyOnTheDisplay("Ctrl+C, Ctrl+Insert");
        QTest::keyClick(edit, Qt::Key_End);
        QTest::keyClick(edit, Qt::Key_Home, Qt::ShiftModifier);
        QTest::mouseDClick(edit, Qt::LeftButton, {}, edit->rect().center());
        expectNoKeyOnTheDisplay("Shift+Home, double click");
        // Copy and cut are not even offered while the field holds a key.
        std::unique_ptr<QMenu> menu(edit->createStandardContextMenu());
        for (QAction* action : menu->actions())
            if (action->objectName() == QLatin1String("edit-copy") || action->objectName() == QLatin1String("edit-cut"))
                QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_X, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete, Qt::ShiftModifier);
        edit->clear();
        expectNoKeyOnTheDisplay("cut, then cleared");
        QVERIFY(!find<QLabel>("anthropicShownKeyLabel")->isVisible());
        QVERIFY(find<QLabel>("anthropicShownKeyLabel")->text().isEmpty());
    }
};

QTEST_MAIN(TestKeySelection)
#include "tst_keyselection.moc"
