// Communication: a command parser for "{led:1}" messages - braces and quotes in char literals and strings, Allman style.

#define MAX_FIELD 12
#define LOG_VALUE(label, value) \
  do { \
    Serial.print(F(label " = ")); \
    Serial.println(value); \
  } while (0)

char key[MAX_FIELD + 1];
char value[MAX_FIELD + 1];
byte keyLength = 0, valueLength = 0;
bool inMessage = false, inValue = false;

typedef void (*Handler)(int);

void setup()
{
  Serial.begin(9600);
  pinMode(LED_BUILTIN, OUTPUT);
  logLine(F("send {led:1}, {blink:3} or {echo:\"hi\"}  // braces } and { in a string"));
}

void loop()
{
  while (Serial.available() > 0)
  {
    feed(Serial.read());
  }
}

/* one character of the stream: '{' starts a message, ':' splits it, '}' ends it */
void feed(char c)
{
  if (c == '{')
  {
    inMessage = true;
    inValue = false;
    keyLength = valueLength = 0;
  }
  else if (!inMessage)
  {
    return;  // noise between messages
  }
  else if (c == ':')
  {
    inValue = true;
  }
  else if (c == '}')
  {
    key[keyLength] = '\0';
    value[valueLength] = '\0';
    inMessage = false;
    dispatch(key,
             value);
  }
  else if (c != '"' && c != '\'')
  {
    append(c);
  }
}

void append(char c)
{
  if (inValue && valueLength < MAX_FIELD)
    value[valueLength++] = c;
  else if (!inValue && keyLength < MAX_FIELD)
    key[keyLength++] = c;
}

void setLed(int on)
{
  digitalWrite(LED_BUILTIN, on ? HIGH : LOW);
  LOG_VALUE("led", on);
}

void blinkTimes(int times)
{
  for (int i = 0; i < times; i++)
  {
    digitalWrite(LED_BUILTIN, HIGH);
    delay(100);
    digitalWrite(LED_BUILTIN, LOW);
    delay(100);
  }
  LOG_VALUE("blinked", times);
}

#if defined(__AVR_ATmega2560__)
void reportBoard(int)
{
  logLine(F("Mega: four hardware serial ports"));
}
#else
void reportBoard(int)
{
  logLine(F("Uno: one hardware serial port"));
}
#endif

// the same name for flash strings and RAM strings: overloads
void logLine(const __FlashStringHelper *text)
{
  Serial.print(F("> "));
  Serial.println(text);
}

void logLine(const char *text)
{
  Serial.print(F("> "));
  Serial.println(text);
}

// the commands with a handler; defined after the handlers, so their names are known here
const char *const handlerNames[] = {"led", "blink", "board"};
const Handler handlers[] = {setLed, blinkTimes, reportBoard};
const byte handlerCount = sizeof(handlers) / sizeof(handlers[0]);

void dispatch(const char *name,
              const char *argument)
{
  for (byte i = 0; i < handlerCount; i++)
  {
    if (strcmp(name, handlerNames[i]) == 0)
    {
      handlers[i](atoi(argument));
      return;
    }
  }
  if (strcmp(name, "echo") == 0)
  {
    logLine(argument);
    return;
  }
  LOG_VALUE("unknown command", name);
}
