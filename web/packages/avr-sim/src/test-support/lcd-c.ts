/**
 * C source of a bit-banged HD44780 writer on LiquidCrystal's example wiring (RS 12 = PB4, E 11 = PB3,
 * D4..D7 = 5, 4, 3, 2 = PD5, PD4, PD3, PD2), with the datasheet's 4-bit init sequence and waits.
 */
export const LCD_C = String.raw`
#include <avr/io.h>
#include <util/delay.h>
static void lcd_line(volatile uint8_t *port, uint8_t bit, uint8_t on) {
  if (on) *port |= _BV(bit); else *port &= ~_BV(bit);
}
static void lcd_nibble(uint8_t n) {
  lcd_line(&PORTD, PD5, n & 1); lcd_line(&PORTD, PD4, n & 2);
  lcd_line(&PORTD, PD3, n & 4); lcd_line(&PORTD, PD2, n & 8);
  PORTB |= _BV(PB3); _delay_us(1); PORTB &= ~_BV(PB3); _delay_us(1);
}
static void lcd_send(uint8_t byte, uint8_t rs) {
  lcd_line(&PORTB, PB4, rs);
  lcd_nibble(byte >> 4); lcd_nibble(byte & 15);
  _delay_us(50);
}
static inline void lcd_init(void) {
  DDRB |= _BV(PB4) | _BV(PB3);
  DDRD |= _BV(PD5) | _BV(PD4) | _BV(PD3) | _BV(PD2);
  _delay_ms(50);
  lcd_nibble(3); _delay_ms(5); lcd_nibble(3); _delay_ms(5); lcd_nibble(3); _delay_us(150); lcd_nibble(2); _delay_us(100);
  lcd_send(0x28, 0); lcd_send(0x0C, 0); lcd_send(0x01, 0); _delay_ms(2); lcd_send(0x06, 0);
}
static inline void lcd_print(const char *s) {
  while (*s) lcd_send(*s++, 1);
}
`;
