// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTemporaryDir>

// The slots are defined in tst_hostileinput.cpp, away from moc: its test data (raw strings
// with unbalanced braces) confuses moc's scanner.
class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void deepValuesInsideARecord_data();
    void deepValuesInsideARecord();
    void ordinaryNestingIsKept();
    void timesAtTheEdgeOf64Bits();
    void gzipBombIsRefusedAtItsStart();
    void limitsAreConfigurable();
    void pipesAndFoldersAreRefused();
    void manyEventsAtOneTimestamp();
    void outOfMemoryFailsOnlyThatFile();
    void releaseWithoutAllocating();
};
