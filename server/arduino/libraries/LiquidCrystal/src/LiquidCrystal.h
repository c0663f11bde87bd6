/*
 * LiquidCrystal: character LCDs with a Hitachi HD44780 (or compatible)
 * controller, over a 4-bit or 8-bit parallel interface.
 *
 * Written for OhmCloud from the public documentation of the Arduino
 * LiquidCrystal library (API and constant names) and the HD44780U datasheet
 * (command set, initialisation by instruction, timings); no code was taken
 * from the Arduino library.
 *
 * The controller's busy flag is never read: every instruction is followed by
 * a fixed wait longer than the datasheet's execution time, so an RW pin, when
 * given, is simply held low (write).
 */
#ifndef OHMCLOUD_LIQUIDCRYSTAL_H
#define OHMCLOUD_LIQUIDCRYSTAL_H

#include <inttypes.h>

#include <Print.h>

// Instructions (HD44780U datasheet, table 6).
#define LCD_CLEARDISPLAY 0x01
#define LCD_RETURNHOME 0x02
#define LCD_ENTRYMODESET 0x04
#define LCD_DISPLAYCONTROL 0x08
#define LCD_CURSORSHIFT 0x10
#define LCD_FUNCTIONSET 0x20
#define LCD_SETCGRAMADDR 0x40
#define LCD_SETDDRAMADDR 0x80

// Entry mode set: I/D (cursor moves right) and S (the display shifts).
#define LCD_ENTRYRIGHT 0x00
#define LCD_ENTRYLEFT 0x02
#define LCD_ENTRYSHIFTINCREMENT 0x01
#define LCD_ENTRYSHIFTDECREMENT 0x00

// Display on/off control: D, C (cursor) and B (blink).
#define LCD_DISPLAYON 0x04
#define LCD_DISPLAYOFF 0x00
#define LCD_CURSORON 0x02
#define LCD_CURSOROFF 0x00
#define LCD_BLINKON 0x01
#define LCD_BLINKOFF 0x00

// Cursor or display shift: S/C and R/L.
#define LCD_DISPLAYMOVE 0x08
#define LCD_CURSORMOVE 0x00
#define LCD_MOVERIGHT 0x04
#define LCD_MOVELEFT 0x00

// Function set: DL (interface width), N (lines) and F (font).
#define LCD_8BITMODE 0x10
#define LCD_4BITMODE 0x00
#define LCD_2LINE 0x08
#define LCD_1LINE 0x00
#define LCD_5x10DOTS 0x04
#define LCD_5x8DOTS 0x00

class LiquidCrystal : public Print {
public:
  /** 4-bit interface, RW tied to ground. */
  LiquidCrystal(uint8_t rs, uint8_t enable, uint8_t d4, uint8_t d5, uint8_t d6, uint8_t d7);
  /** 4-bit interface with the RW pin wired (held low). */
  LiquidCrystal(uint8_t rs, uint8_t rw, uint8_t enable, uint8_t d4, uint8_t d5, uint8_t d6, uint8_t d7);
  /** 8-bit interface, RW tied to ground. */
  LiquidCrystal(uint8_t rs, uint8_t enable, uint8_t d0, uint8_t d1, uint8_t d2, uint8_t d3, uint8_t d4,
                uint8_t d5, uint8_t d6, uint8_t d7);
  /** 8-bit interface with the RW pin wired (held low). */
  LiquidCrystal(uint8_t rs, uint8_t rw, uint8_t enable, uint8_t d0, uint8_t d1, uint8_t d2, uint8_t d3,
                uint8_t d4, uint8_t d5, uint8_t d6, uint8_t d7);

  /** Initialises the display (datasheet's initialisation by instruction): on, cleared, cursor hidden, text left to right. */
  void begin(uint8_t cols, uint8_t rows, uint8_t charsize = LCD_5x8DOTS);

  void clear();
  void home();
  /** Moves the cursor; rows past the last one given to begin() land on the last. */
  void setCursor(uint8_t col, uint8_t row);
  /** DDRAM addresses where rows 0..3 start; begin() sets 0x00, 0x40, cols, 0x40 + cols. */
  void setRowOffsets(uint8_t row0, uint8_t row1, uint8_t row2, uint8_t row3);

  void noDisplay();
  void display();
  void noCursor();
  void cursor();
  void noBlink();
  void blink();
  void scrollDisplayLeft();
  void scrollDisplayRight();
  void leftToRight();
  void rightToLeft();
  void autoscroll();
  void noAutoscroll();

  /** Stores a 5x8 glyph (8 rows of 5 bits) as character `location` (0..7); call setCursor() or clear() before writing text again. */
  void createChar(uint8_t location, const uint8_t charmap[]);

  /** Writes one character at the cursor; print() comes from Print. */
  virtual size_t write(uint8_t value);
  using Print::write;
  /** Sends a raw instruction byte. */
  void command(uint8_t value);

private:
  void configurePins(uint8_t rs, uint8_t rw, uint8_t enable, const uint8_t *data, uint8_t dataCount);
  void ensureBegun();
  void send(uint8_t value, uint8_t mode);
  void writeBits(uint8_t value, uint8_t count);
  void pulseEnable();
  void setDisplayControl(uint8_t bits, bool on);
  void setEntryMode(uint8_t bits, bool on);

  uint8_t rsPin;
  uint8_t rwPin; // 255 when RW is tied to ground
  uint8_t enablePin;
  uint8_t dataPins[8]; // D0..D7, or D4..D7 in the first four entries in 4-bit mode
  uint8_t functionFlags;
  uint8_t displayFlags;
  uint8_t entryFlags;
  uint8_t rowCount;
  uint8_t rowOffsets[4];
  bool begun;
};

#endif
