/** C source of a polled USART0 writer at 9600 baud (UBRR 103 at 16 MHz), prepended to test programs. */
export const UART_C = String.raw`
#include <avr/io.h>
#include <stdlib.h>
static inline void uart_init(void) {
  UBRR0 = 103;
  UCSR0B = _BV(TXEN0) | _BV(RXEN0);
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
}
static inline void uart_put(char c) {
  while (!(UCSR0A & _BV(UDRE0))) {}
  UDR0 = c;
}
static inline void uart_puts(const char *s) {
  while (*s) uart_put(*s++);
}
static inline void uart_putu(unsigned value) {
  char text[8];
  utoa(value, text, 10);
  uart_puts(text);
}
`;
