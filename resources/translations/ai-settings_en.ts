<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminSentences</name>
    <message numerus="yes">
        <source>It has no runs in the last %Ln day(s) to compare.</source>
        <translation>
            <numerusform>It has no runs in the last day to compare.</numerusform>
            <numerusform>It has no runs in the last %Ln days to compare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over the last %Ln day(s) its %1 on credits cost %2 at %3; at %4 they would have cost %5 (%6).</source>
        <translation>
            <numerusform>Over the last day its %1 on credits cost %2 at %3; at %4 they would have cost %5 (%6).</numerusform>
            <numerusform>Over the last %Ln days its %1 on credits cost %2 at %3; at %4 they would have cost %5 (%6).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message numerus="yes">
        <source>The connection to the database server was lost, and the server did not answer again within %Ln second(s) (%1).</source>
        <translation>
            <numerusform>The connection to the database server was lost, and the server did not answer again within %Ln second (%1).</numerusform>
            <numerusform>The connection to the database server was lost, and the server did not answer again within %Ln seconds (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message numerus="yes">
        <source>%1: the keychain did not answer within %Ln second(s).</source>
        <translation>
            <numerusform>%1: the keychain did not answer within %Ln second.</numerusform>
            <numerusform>%1: the keychain did not answer within %Ln seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message numerus="yes">
        <source>%1 (%Ln credit(s) a month)</source>
        <translation>
            <numerusform>%1 (%Ln credit a month)</numerusform>
            <numerusform>%1 (%Ln credits a month)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpendSentences</name>
    <message numerus="yes">
        <source>synced %n min ago</source>
        <translation>
            <numerusform>synced %n min ago</numerusform>
            <numerusform>synced %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>synced %n h ago</source>
        <translation>
            <numerusform>synced %n h ago</numerusform>
            <numerusform>synced %n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>synced %n days ago</source>
        <translation>
            <numerusform>synced %n day ago</numerusform>
            <numerusform>synced %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n BYOK run(s) recorded on %2, and %3 reports no usage of it.</source>
        <translation>
            <numerusform>%1: %n BYOK run recorded on %2, and %3 reports no usage of it.</numerusform>
            <numerusform>%1: %n BYOK runs recorded on %2, and %3 reports no usage of it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n BYOK run(s) recorded on %2, and %3 counts %4 requests.</source>
        <translation>
            <numerusform>%1: %n BYOK run recorded on %2, and %3 counts %4 requests.</numerusform>
            <numerusform>%1: %n BYOK runs recorded on %2, and %3 counts %4 requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n BYOK run(s) recorded; they would have cost %1 credits without BYOK.</source>
        <translation>
            <numerusform>%n BYOK run recorded; it would have cost %1 credits without BYOK.</numerusform>
            <numerusform>%n BYOK runs recorded; they would have cost %1 credits without BYOK.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message numerus="yes">
        <source>The ledger is busy: another writer held its write lock for more than %Ln second(s); nothing was written.</source>
        <translation>
            <numerusform>The ledger is busy: another writer held its write lock for more than %Ln second; nothing was written.</numerusform>
            <numerusform>The ledger is busy: another writer held its write lock for more than %Ln seconds; nothing was written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The ledger is busy: %1 held its write lock for more than %Ln second(s); nothing was written.</source>
        <translation>
            <numerusform>The ledger is busy: %1 held its write lock for more than %Ln second; nothing was written.</numerusform>
            <numerusform>The ledger is busy: %1 held its write lock for more than %Ln seconds; nothing was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::ActivityPanel</name>
    <message numerus="yes">
        <source>%Ln change(s), newest first.</source>
        <translation>
            <numerusform>%Ln change, newest first.</numerusform>
            <numerusform>%Ln changes, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln change to %1.</numerusform>
            <numerusform>Exported %Ln changes to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::Session</name>
    <message numerus="yes">
        <source>the server does not answer yet; the next try is in %n second(s).</source>
        <translation>
            <numerusform>the server does not answer yet; the next try is in %n second.</numerusform>
            <numerusform>the server does not answer yet; the next try is in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The providers&apos; reports are read at most once a minute; try again in %n s.</source>
        <translation>
            <numerusform>The providers&apos; reports are read at most once a minute; try again in %n s.</numerusform>
            <numerusform>The providers&apos; reports are read at most once a minute; try again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::TenantsPanel</name>
    <message numerus="yes">
        <source>Its %Ln stored key(s) are deleted from the keychain.</source>
        <translation>
            <numerusform>Its stored key is deleted from the keychain.</numerusform>
            <numerusform>Its %Ln stored keys are deleted from the keychain.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageBook</name>
    <message numerus="yes">
        <source>%1 (%Ln more line(s) bad too); nothing was imported.</source>
        <translation>
            <numerusform>%1 (%Ln more line is bad too); nothing was imported.</numerusform>
            <numerusform>%1 (%Ln more lines are bad too); nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: would import %1 of %2 (%3); %Ln already recorded.</source>
        <translation>
            <numerusform>Dry run: would import %1 of %2 (%3); %Ln was already recorded.</numerusform>
            <numerusform>Dry run: would import %1 of %2 (%3); %Ln were already recorded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %2 (%3); %Ln already recorded.</source>
        <translation>
            <numerusform>Imported %1 of %2 (%3); %Ln was already recorded.</numerusform>
            <numerusform>Imported %1 of %2 (%3); %Ln were already recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageSentences</name>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 the credits run out on %2, %Ln day(s) before the reset.</source>
        <translation>
            <numerusform>%1 the credits run out on %2, %Ln day before the reset.</numerusform>
            <numerusform>%1 the credits run out on %2, %Ln days before the reset.</numerusform>
        </translation>
    </message>
</context>
</TS>
