/*
 * LiquidCrystal: HD44780 driver (see LiquidCrystal.h for the overview).
 *
 * Written for OhmCloud from the public documentation of the Arduino
 * LiquidCrystal library and the HD44780U datasheet; no code was taken from
 * the Arduino library. Figure and table numbers are those of the Hitachi
 * HD44780U datasheet.
 */
#include <Arduino.h>

#include "LiquidCrystal.h"

namespace {

const uint8_t NO_PIN = 255;

// Waits, each with a margin over the datasheet figure (given for fosc = 270
// kHz; a slower oscillator stretches them in proportion):
const unsigned long POWER_ON_MS = 50;          // > 40 ms after Vcc reaches 2.7 V
const unsigned int FIRST_FUNCTION_SET_US = 4500; // > 4.1 ms after the first "8-bit" function set
const unsigned int NEXT_FUNCTION_SET_US = 150;   // > 100 us after the second
const unsigned int INSTRUCTION_US = 50;          // most instructions and data writes: 37 us (+ 4 us tADD)
const unsigned int CLEAR_OR_HOME_US = 2000;      // clear display and return home: 1.52 ms

} // namespace

LiquidCrystal::LiquidCrystal(uint8_t rs, uint8_t enable, uint8_t d4, uint8_t d5, uint8_t d6, uint8_t d7) {
  const uint8_t data[] = {d4, d5, d6, d7};
  configurePins(rs, NO_PIN, enable, data, 4);
}

LiquidCrystal::LiquidCrystal(uint8_t rs, uint8_t rw, uint8_t enable, uint8_t d4, uint8_t d5, uint8_t d6,
                             uint8_t d7) {
  const uint8_t data[] = {d4, d5, d6, d7};
  configurePins(rs, rw, enable, data, 4);
}

LiquidCrystal::LiquidCrystal(uint8_t rs, uint8_t enable, uint8_t d0, uint8_t d1, uint8_t d2, uint8_t d3,
                             uint8_t d4, uint8_t d5, uint8_t d6, uint8_t d7) {
  const uint8_t data[] = {d0, d1, d2, d3, d4, d5, d6, d7};
  configurePins(rs, NO_PIN, enable, data, 8);
}

LiquidCrystal::LiquidCrystal(uint8_t rs, uint8_t rw, uint8_t enable, uint8_t d0, uint8_t d1, uint8_t d2,
                             uint8_t d3, uint8_t d4, uint8_t d5, uint8_t d6, uint8_t d7) {
  const uint8_t data[] = {d0, d1, d2, d3, d4, d5, d6, d7};
  configurePins(rs, rw, enable, data, 8);
}

/** Only records the wiring: constructors of global objects run before init(), when delay() cannot work yet. */
void LiquidCrystal::configurePins(uint8_t rs, uint8_t rw, uint8_t enable, const uint8_t *data, uint8_t dataCount) {
  rsPin = rs;
  rwPin = rw;
  enablePin = enable;
  for (uint8_t i = 0; i < 8; ++i) {
    dataPins[i] = i < dataCount ? data[i] : NO_PIN;
  }
  functionFlags = dataCount == 8 ? LCD_8BITMODE : LCD_4BITMODE;
  displayFlags = LCD_DISPLAYON | LCD_CURSOROFF | LCD_BLINKOFF;
  entryFlags = LCD_ENTRYLEFT | LCD_ENTRYSHIFTDECREMENT;
  rowCount = 1;
  begun = false;
}

void LiquidCrystal::begin(uint8_t cols, uint8_t rows, uint8_t charsize) {
  begun = true;
  rowCount = rows < 1 ? 1 : (rows > 4 ? 4 : rows);
  functionFlags = (functionFlags & LCD_8BITMODE) | (rowCount > 1 ? LCD_2LINE : LCD_1LINE);
  if (charsize != LCD_5x8DOTS && rowCount == 1) {
    functionFlags |= LCD_5x10DOTS; // the 5x10 font exists only in one-line mode (function set, table 6)
  }
  // Two-line displays put line 2 at DDRAM 0x40; 4-line ones continue lines 1
  // and 2 right after the visible columns (0x14 and 0x54 on a 20x4).
  setRowOffsets(0x00, 0x40, cols, 0x40 + cols);

  const bool eightBit = functionFlags & LCD_8BITMODE;
  pinMode(rsPin, OUTPUT);
  digitalWrite(rsPin, LOW);
  if (rwPin != NO_PIN) {
    pinMode(rwPin, OUTPUT);
    digitalWrite(rwPin, LOW); // write only: the busy flag is never read
  }
  pinMode(enablePin, OUTPUT);
  digitalWrite(enablePin, LOW);
  for (uint8_t i = 0; i < (eightBit ? 8 : 4); ++i) {
    pinMode(dataPins[i], OUTPUT);
  }

  // Initialising by instruction (figures 23 and 24): three function sets with
  // DL = 1 put the controller into 8-bit mode whatever state (or half-sent
  // 4-bit instruction) it was in; only then is the real width chosen.
  delay(POWER_ON_MS);
  const uint8_t eightBitSet = (LCD_FUNCTIONSET | LCD_8BITMODE);
  const uint8_t count = eightBit ? 8 : 4;
  const uint8_t pattern = eightBit ? eightBitSet : eightBitSet >> 4; // 4-bit: DB7..DB4 only
  writeBits(pattern, count);
  delayMicroseconds(FIRST_FUNCTION_SET_US);
  writeBits(pattern, count);
  delayMicroseconds(NEXT_FUNCTION_SET_US);
  writeBits(pattern, count);
  delayMicroseconds(NEXT_FUNCTION_SET_US);
  if (!eightBit) {
    writeBits(LCD_FUNCTIONSET >> 4, 4); // DL = 0: 4-bit from the next nibble on
    delayMicroseconds(NEXT_FUNCTION_SET_US);
  }

  command(LCD_FUNCTIONSET | functionFlags); // lines and font, fixed from here on
  command(LCD_DISPLAYCONTROL | LCD_DISPLAYOFF);
  clear();
  entryFlags = LCD_ENTRYLEFT | LCD_ENTRYSHIFTDECREMENT;
  command(LCD_ENTRYMODESET | entryFlags);
  displayFlags = LCD_DISPLAYON | LCD_CURSOROFF | LCD_BLINKOFF;
  command(LCD_DISPLAYCONTROL | displayFlags);
}

void LiquidCrystal::clear() {
  command(LCD_CLEARDISPLAY);
  delayMicroseconds(CLEAR_OR_HOME_US);
}

void LiquidCrystal::home() {
  command(LCD_RETURNHOME);
  delayMicroseconds(CLEAR_OR_HOME_US);
}

void LiquidCrystal::setCursor(uint8_t col, uint8_t row) {
  if (row >= rowCount) {
    row = rowCount - 1;
  }
  command(LCD_SETDDRAMADDR | (col + rowOffsets[row]));
}

void LiquidCrystal::setRowOffsets(uint8_t row0, uint8_t row1, uint8_t row2, uint8_t row3) {
  rowOffsets[0] = row0;
  rowOffsets[1] = row1;
  rowOffsets[2] = row2;
  rowOffsets[3] = row3;
}

void LiquidCrystal::noDisplay() { setDisplayControl(LCD_DISPLAYON, false); }
void LiquidCrystal::display() { setDisplayControl(LCD_DISPLAYON, true); }
void LiquidCrystal::noCursor() { setDisplayControl(LCD_CURSORON, false); }
void LiquidCrystal::cursor() { setDisplayControl(LCD_CURSORON, true); }
void LiquidCrystal::noBlink() { setDisplayControl(LCD_BLINKON, false); }
void LiquidCrystal::blink() { setDisplayControl(LCD_BLINKON, true); }

void LiquidCrystal::scrollDisplayLeft() { command(LCD_CURSORSHIFT | LCD_DISPLAYMOVE | LCD_MOVELEFT); }
void LiquidCrystal::scrollDisplayRight() { command(LCD_CURSORSHIFT | LCD_DISPLAYMOVE | LCD_MOVERIGHT); }

void LiquidCrystal::leftToRight() { setEntryMode(LCD_ENTRYLEFT, true); }
void LiquidCrystal::rightToLeft() { setEntryMode(LCD_ENTRYLEFT, false); }
void LiquidCrystal::autoscroll() { setEntryMode(LCD_ENTRYSHIFTINCREMENT, true); }
void LiquidCrystal::noAutoscroll() { setEntryMode(LCD_ENTRYSHIFTINCREMENT, false); }

void LiquidCrystal::createChar(uint8_t location, const uint8_t charmap[]) {
  command(LCD_SETCGRAMADDR | ((location & 0x7) << 3)); // 8 bytes per character
  for (uint8_t row = 0; row < 8; ++row) {
    write(charmap[row]);
  }
}

size_t LiquidCrystal::write(uint8_t value) {
  send(value, HIGH);
  return 1;
}

void LiquidCrystal::command(uint8_t value) { send(value, LOW); }

void LiquidCrystal::setDisplayControl(uint8_t bits, bool on) {
  displayFlags = on ? (displayFlags | bits) : (displayFlags & ~bits);
  command(LCD_DISPLAYCONTROL | displayFlags);
}

void LiquidCrystal::setEntryMode(uint8_t bits, bool on) {
  entryFlags = on ? (entryFlags | bits) : (entryFlags & ~bits);
  command(LCD_ENTRYMODESET | entryFlags);
}

/**
 * The Arduino examples may call createChar() (or anything else) before
 * begin(); start the display then with a 16x1 geometry so the bytes are not
 * lost. A later begin() initialises it again (CGRAM survives that).
 */
void LiquidCrystal::ensureBegun() {
  if (!begun) {
    begin(16, 1);
  }
}

/** One instruction (RS low) or data byte (RS high): 8 bits at once, or the high nibble then the low one. */
void LiquidCrystal::send(uint8_t value, uint8_t mode) {
  ensureBegun();
  digitalWrite(rsPin, mode);
  if (functionFlags & LCD_8BITMODE) {
    writeBits(value, 8);
  } else {
    writeBits(value >> 4, 4);
    writeBits(value, 4);
  }
  delayMicroseconds(INSTRUCTION_US);
}

/** Puts the low `count` bits of `value` on the data pins and latches them with an enable pulse. */
void LiquidCrystal::writeBits(uint8_t value, uint8_t count) {
  for (uint8_t i = 0; i < count; ++i) {
    digitalWrite(dataPins[i], (value >> i) & 1);
  }
  pulseEnable();
}

/**
 * E high for >= 450 ns (PWEH), then low: the controller latches the data
 * pins on the falling edge. A digitalWrite() alone takes longer than that;
 * the 1 us wait is for faster pin-writing code paths.
 */
void LiquidCrystal::pulseEnable() {
  digitalWrite(enablePin, HIGH);
  delayMicroseconds(1);
  digitalWrite(enablePin, LOW);
}
